export const id = 655;
export const ids = [655];
export const modules = {

/***/ 9655:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   checkAccessKeys: () => (/* binding */ checkAccessKeys)
/* harmony export */ });
/* harmony import */ var _aws_sdk_client_iam__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6764);
/* harmony import */ var _item_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4919);
/* harmony import */ var _policy_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3694);
/**
 * AWS IAM access keys: every user the credentials can list, their Active keys (inactive
 * keys do not count), each key's age against the max age, and keys never used. Reads only
 * metadata (ListUsers, ListAccessKeys, GetAccessKeyLastUsed); the secret keys are never
 * returned by these calls.
 */



function awsReason(err) {
    const name = err instanceof Error ? err.name : 'Error';
    const msg = err instanceof Error ? (err.message.split('\n')[0]?.slice(0, 160) ?? '') : '';
    return msg && msg !== name ? `${name}: ${msg}` : name;
}
const PERMS = 'the role needs iam:ListUsers, iam:ListAccessKeys and iam:GetAccessKeyLastUsed';
async function checkAccessKeys(o, nowMs, policy, info) {
    const client = new _aws_sdk_client_iam__WEBPACK_IMPORTED_MODULE_1__/* .IAMClient */ .h8v({
        region: o.region,
        credentials: o.credentials,
        maxAttempts: o.maxAttempts,
        ...(o.endpoint ? { endpoint: o.endpoint } : {}),
        ...(o.requestHandler ? { requestHandler: o.requestHandler } : {}),
    });
    const items = [];
    let inactive = 0;
    const users = [];
    try {
        try {
            let marker;
            do {
                const page = await client.send(new _aws_sdk_client_iam__WEBPACK_IMPORTED_MODULE_1__/* .ListUsersCommand */ .A7W(marker ? { Marker: marker } : {}));
                for (const u of page.Users ?? [])
                    if (u.UserName)
                        users.push(u.UserName);
                marker = page.IsTruncated ? page.Marker : undefined;
            } while (marker);
        }
        catch (err) {
            items.push({ kind: 'aws-key', name: 'iam:ListUsers', status: 'fail', limit: '-', detail: `cannot list IAM users (${awsReason(err)}); ${PERMS}` });
            return { items, users: 0, inactive };
        }
        for (const user of users) {
            let keys;
            try {
                keys = [];
                let marker;
                do {
                    const page = await client.send(new _aws_sdk_client_iam__WEBPACK_IMPORTED_MODULE_1__/* .ListAccessKeysCommand */ .Qxm({ UserName: user, ...(marker ? { Marker: marker } : {}) }));
                    keys.push(...(page.AccessKeyMetadata ?? []));
                    marker = page.IsTruncated ? page.Marker : undefined;
                } while (marker);
            }
            catch (err) {
                items.push({ kind: 'aws-key', name: `${user}/*`, status: 'fail', limit: '-', detail: `cannot list the access keys (${awsReason(err)}); ${PERMS}` });
                continue;
            }
            for (const k of keys) {
                if (k.Status !== 'Active') {
                    inactive++;
                    continue;
                }
                const id = k.AccessKeyId ?? '(unknown key id)';
                const name = `${user}/${id}`;
                const lim = (0,_policy_js__WEBPACK_IMPORTED_MODULE_0__/* .resolve */ .hd)(policy, 'aws-key', name);
                if (lim.ignore)
                    continue;
                const created = k.CreateDate?.getTime();
                if (created === undefined) {
                    items.push({ kind: 'aws-key', name, status: 'fail', limit: (0,_item_js__WEBPACK_IMPORTED_MODULE_2__/* .ageLimitText */ .iW)(lim), detail: 'IAM gave no creation date' });
                    continue;
                }
                const ageSec = Math.floor((nowMs - created) / 1000);
                let status = (0,_item_js__WEBPACK_IMPORTED_MODULE_2__/* .ageStatus */ .eD)(ageSec, lim);
                let detail;
                let used;
                let service = '';
                try {
                    const lu = (await client.send(new _aws_sdk_client_iam__WEBPACK_IMPORTED_MODULE_1__/* .GetAccessKeyLastUsedCommand */ .qRl({ AccessKeyId: id }))).AccessKeyLastUsed;
                    used = lu?.LastUsedDate;
                    service = lu?.ServiceName && lu.ServiceName !== 'N/A' ? lu.ServiceName : '';
                }
                catch (err) {
                    info(`could not read when ${name} was last used (${awsReason(err)})`);
                }
                if (used)
                    detail = `last used ${(0,_item_js__WEBPACK_IMPORTED_MODULE_2__/* .human */ .eh)(Math.floor((nowMs - used.getTime()) / 1000))} ago${service ? ` (${service})` : ''}`;
                else {
                    detail = 'never used';
                    if (ageSec >= lim.unusedGraceSec) {
                        status = (0,_item_js__WEBPACK_IMPORTED_MODULE_2__/* .worst */ .QZ)(status, 'warn');
                        detail = `never used in ${Math.floor(ageSec / _item_js__WEBPACK_IMPORTED_MODULE_2__/* .DAY */ .d_)} days: delete it`;
                    }
                }
                if (status === 'fail')
                    detail = `older than ${(0,_item_js__WEBPACK_IMPORTED_MODULE_2__/* .human */ .eh)(lim.maxAgeSec)}: rotate it; ${detail}`;
                items.push({ kind: 'aws-key', name, status, ageSec, limit: (0,_item_js__WEBPACK_IMPORTED_MODULE_2__/* .ageLimitText */ .iW)(lim), detail, created: new Date(created).toISOString() });
            }
        }
    }
    finally {
        client.destroy();
    }
    return { items, users: users.length, inactive };
}


/***/ })

};
