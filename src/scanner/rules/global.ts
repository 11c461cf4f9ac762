/** Global allowlist of the default rules: placeholders, template references, lock files, media. */
export const GLOBAL_TOML = String.raw`
[[allowlists]]
description = "placeholders and template references, never secrets"
regexes = [
  '''(?i)^(?:true|false|null|none|nil|undefined)$''',
  '''^(?i:a+|b+|c+|d+|e+|f+|g+|h+|i+|j+|k+|l+|m+|n+|o+|p+|q+|r+|s+|t+|u+|v+|w+|x+|y+|z+|\*+|\.+|0+|1+|x+)$''',
  '''^\$(?:\d+|\{\d+\})$''',
  '''^\$(?:[A-Z_][A-Z0-9_]*|[a-z_][a-z0-9_]*)$''',
  '''^\$\{[A-Za-z_][A-Za-z0-9_]*(?::?[-=?+][^}]*)?\}$''',
  '''^\{\{[ \t]*[\w ().|'"-]+[ \t]*\}\}$''',
  '''^\$\{\{[ \t]*(?:env|github|secrets|vars|inputs|steps|needs|matrix)(?:\.[A-Za-z][\w-]*)+[\w "'&./=|-]*[ \t]*\}\}$''',
  '''^\$\[\[[ \t]*inputs\.[\w-]+[ \t]*\]\]$''',
  '''^%(?:[A-Z_]+|[a-z_]+)%$''',
  '''^%[+\-# 0]?[bcdeEfFgGoOpqstTUvxX]$''',
  '''^\{\d{0,2}\}$''',
  '''^@(?:[A-Z_]+|[a-z_]+)@$''',
  '''^<[A-Za-z_][\w -]*>$''',
  '''^/(?:bin|etc|home|opt|tmp|usr|var|Users)/[\w ./-]+$''',
]
stopwords = [
  "abcdefghijklmnopqrstuvwxyz",
  "0123456789abcdef",
]

[[allowlists]]
description = "binary media, lock files and vendored dependencies"
paths = [
  '''(?i)\.(?:bmp|gif|jpe?g|png|svg|tiff?|ico|webp)$''',
  '''(?i)\.(?:eot|[ot]tf|woff2?)$''',
  '''(?i)\.(?:docx?|xlsx?|pdf|bin|socket|vsidx|v2|suo|wsuo|dll|pdb|exe|gltf|zip|gz|tgz|jar|class)$''',
  '''(?:^|/)go\.(?:mod|sum|work(?:\.sum)?)$''',
  '''(?:^|/)vendor/modules\.txt$''',
  '''(?:^|/)node_modules(?:/.*)?$''',
  '''(?:^|/)(?:deno\.lock|npm-shrinkwrap\.json|package-lock\.json|pnpm-lock\.yaml|yarn\.lock|bun\.lockb?|Cargo\.lock|composer\.lock|Gemfile\.lock|Pipfile\.lock|poetry\.lock|uv\.lock)$''',
  '''(?:^|/)(?:gradlew(?:\.bat)?|gradle\.lockfile|mvnw(?:\.cmd)?)$''',
  '''(?:^|/)\.mvn/wrapper/MavenWrapperDownloader\.java$''',
  '''(?:^|/)bower_components(?:/.*)?$''',
  '''(?i)(?:^|/)(?:v?env|virtualenv|\.venv)/lib(?:64)?(?:/.*)?$''',
  '''(?i)(?:^|/)[a-z0-9_.]+-[0-9.]+\.dist-info(?:/.+)?$''',
  '''(?:^|/)vendor/(?:bundle|ruby)(?:/.*)?$''',
  '''verification-metadata\.xml$''',
]
`;
