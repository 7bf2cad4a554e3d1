// Calls a Bitrix24 portal (the emulator) through the official JS SDK's webhook client and checks that what the SDK
// sees is what a portal answers: a call, a batch, a list walked past its first page, the portal's errors and its
// request-rate limit.
//
//   node check.mjs <webhook-url> [--ca <certificate.pem>] [--rate-limit <burst>/<per-second>]
//
// --ca: for HTTPS with a self-signed certificate, the one certificate to trust (and no other).
// --rate-limit: the portal's request-rate limit (50/2 unless told); the SDK is set to keep to it, and the last
// check sends a burst above it.
//
// Prints one line per check and "JS SDK: N passed, N failed"; exits with 1 when a check failed.

import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import https from 'node:https'
import { parseArgs } from 'node:util'
import { AjaxError, ApiVersion, B24Hook, ParamsFactory } from '@bitrix24/b24jssdk'

const { values: options, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    'ca': { type: 'string' },
    'rate-limit': { type: 'string', default: '50/2' }
  }
})

if (positionals.length !== 1) {
  console.error('Usage: node check.mjs <webhook-url> [--ca <certificate.pem>] [--rate-limit <burst>/<per-second>]')
  process.exit(2)
}

const webhook = URL.canParse(positionals[0]) ? new URL(positionals[0]) : null
if (!webhook || !/^https?:$/.test(webhook.protocol) || webhook.pathname.split('/').filter(Boolean).length !== 3) {
  // Not echoed: it may hold the secret.
  console.error('The first argument is not a webhook URL: http[s]://host/rest/<user>/<secret>/')
  process.exit(2)
}

const [burst, perSecond] = options['rate-limit'].split('/').map(Number)
if (!(burst >= 1 && perSecond > 0)) {
  console.error('--rate-limit takes <burst>/<per-second>, e.g. 50/2')
  process.exit(2)
}

const certificate = options.ca ? readFileSync(options.ca) : null
const [, userId, secret] = webhook.pathname.split('/').filter(Boolean)

// A client of the webhook. B24Hook always addresses https://<domain>/rest/…, and fromWebhookUrl refuses http://:
// for a plain-HTTP portal the requests are sent to http:// instead.
function hook (restrictionParams, hookSecret = secret) {
  const b24 = webhook.protocol === 'https:'
    ? B24Hook.fromWebhookUrl(`${webhook.origin}/rest/${userId}/${hookSecret}`, { restrictionParams })
    : new B24Hook({ b24Url: webhook.origin, userId: Number(userId), secret: hookSecret }, { restrictionParams })
  const axios = b24.getHttpClient(ApiVersion.v2).ajaxClient
  // Straight to the portal on 127.0.0.1, whatever proxy the environment names.
  axios.defaults.proxy = false
  if (certificate) {
    // Exactly this certificate is trusted: `ca` replaces the system's roots.
    axios.defaults.httpsAgent = new https.Agent({ ca: certificate })
  }

  if (webhook.protocol === 'http:') {
    axios.interceptors.request.use((config) => ({ ...config, url: config.url.replace(/^https:/, 'http:') }))
  }

  return b24
}

// The SDK keeps to the portal's limit on its side (as ParamsFactory.getEnterprise() does for 250/5), one request
// short of the burst: the portal counts a request when it arrives, and one answered slowly brings the next ones
// closer together there than they were sent.
const portalLimit = { ...ParamsFactory.getDefault(), rateLimit: { burstLimit: Math.max(1, burst - 1), drainRate: perSecond, adaptiveEnabled: false } }
// A client that does not hold itself back, so that the portal's limit is what stops it.
const unthrottled = (maxRetries) => ({ ...ParamsFactory.getDefault(), rateLimit: { burstLimit: 1e6, drainRate: 1e6, adaptiveEnabled: false }, maxRetries })

const b24 = hook(portalLimit)
const sdk = createRequire(import.meta.url)('@bitrix24/b24jssdk/package.json')
console.log(`${sdk.name} ${sdk.version}, B24Hook (REST v2) against ${webhook.origin}, rate limit ${burst}/${perSecond}`)
const run = Date.now().toString(36)
let passed = 0
let failed = 0

async function check (name, body) {
  try {
    const detail = await body()
    passed++
    console.log(`ok   ${name}${detail ? ': ' + detail : ''}`)
  } catch (error) {
    failed++
    const reason = error instanceof CheckFailed
      ? error.message
      : error instanceof AjaxError ? `${error.code} (${error.status}) ${error.message}` : error?.stack ?? error
    console.log(`FAIL ${name}: ${reason}`)
  }
}

class CheckFailed extends Error {}

function expect (condition, message) {
  if (!condition) {
    throw new CheckFailed(message)
  }
}

const same = (actual, expected) => JSON.stringify(actual) === JSON.stringify(expected)

// The error a call is refused with, as the SDK throws it, with the portal's answer behind it.
async function refusal (client, method, params) {
  try {
    await client.actions.v2.call.make({ method, params })
  } catch (error) {
    expect(error instanceof AjaxError, `expected an AjaxError, got ${error}`)
    const response = error.originalError?.response
    expect(response, 'the AjaxError carries no HTTP response')
    expect(String(response.headers['content-type']).startsWith('application/json'), `content type ${response.headers['content-type']}`)
    return { error, status: response.status, body: response.data }
  }

  throw new CheckFailed(`${method} was not refused`)
}

// The answer a portal gives to a refused call: the HTTP status and an envelope of exactly error and error_description.
function expectEnvelope (answer, status, code, description) {
  expect(answer.status === status, `HTTP ${answer.status}, expected ${status}`)
  expect(same(Object.keys(answer.body), ['error', 'error_description']), `envelope keys ${Object.keys(answer.body)}`)
  expect(answer.body.error === code, `error ${JSON.stringify(answer.body.error)}, expected ${JSON.stringify(code)}`)
  expect(description === undefined || answer.body.error_description === description,
    `error_description ${JSON.stringify(answer.body.error_description)}, expected ${JSON.stringify(description)}`)
}

const attempts = (client) => client.getHttpClient(ApiVersion.v2).getStats().totalRequests
const pause = (seconds) => new Promise((resolve) => setTimeout(resolve, seconds * 1000))

await check('call: crm.deal.add then crm.deal.get', async () => {
  const title = `JS SDK ${run}`
  const added = await b24.actions.v2.call.make({ method: 'crm.deal.add', params: { fields: { TITLE: title, OPPORTUNITY: 150 } } })
  const id = added.getData().result
  expect(Number.isInteger(id) && id > 0, `crm.deal.add answered ${JSON.stringify(id)}`)
  const read = await b24.actions.v2.call.make({ method: 'crm.deal.get', params: { id } })
  const { result: deal, time } = read.getData()
  expect(read.getStatus() === 200, `HTTP ${read.getStatus()}`)
  expect(deal.ID === String(id) && deal.TITLE === title, `crm.deal.get answered ${JSON.stringify(deal).slice(0, 200)}`)
  for (const key of ['start', 'finish', 'duration', 'processing', 'date_start', 'date_finish', 'operating_reset_at', 'operating']) {
    expect(key in time, `time has no ${key}`)
  }

  return `deal ${id}, TITLE and time block as sent`
})

await check('batch: results per command', async () => {
  const title = `JS SDK batch ${run}`
  const response = await b24.actions.v2.batch.make({
    calls: {
      add: { method: 'crm.deal.add', params: { fields: { TITLE: title } } },
      get: { method: 'crm.deal.get', params: { id: '$result[add]' } },
      list: { method: 'crm.deal.list', params: { filter: { ID: '$result[add]' }, select: ['ID', 'TITLE'] } },
      unknown: { method: 'crm.deal.nosuchmethod', params: {} }
    },
    options: { isHaltOnError: false, returnAjaxResult: true }
  })
  const results = response.getData()
  const id = results.add.getData().result
  expect(Number.isInteger(id), `add answered ${JSON.stringify(id)}`)
  expect(results.get.getData().result.TITLE === title, 'get did not read the added deal')
  expect(same(results.list.getData().result, [{ ID: String(id), TITLE: title }]), `list answered ${JSON.stringify(results.list.getData().result)}`)
  expect(results.list.getTotal() === 1, `list total ${results.list.getTotal()}`)
  expect(!results.unknown.isSuccess, 'the unknown method succeeded')
  const error = response.getErrorsByKey().unknown
  expect(error?.code === 'ERROR_METHOD_NOT_FOUND', `the unknown method's error is ${error?.code}`)
  expect(same(Object.keys(response.getErrorsByKey()), ['unknown']), `errors for ${Object.keys(response.getErrorsByKey())}`)
  return `add ${id}, get and list ($result[add]) read it, total 1; the unknown method failed alone with ${error.code}`
})

await check('fetchList: 120 deals walked past 50, each once', async () => {
  const prefix = `JS SDK list ${run} `
  const calls = Array.from({ length: 120 }, (_, i) => ['crm.deal.add', { fields: { TITLE: prefix + i } }])
  const added = await b24.actions.v2.batchByChunk.make({ calls, options: { isHaltOnError: true } })
  expect(added.isSuccess && added.getData().length === 120, `batchByChunk added ${added.getData()?.length}: ${added.getErrorMessages()}`)

  const pages = []
  const seen = new Map()
  for await (const page of b24.actions.v2.fetchList.make({ method: 'crm.deal.list', params: { filter: { '%TITLE': prefix }, select: ['ID', 'TITLE'] }, idKey: 'ID' })) {
    pages.push(page.length)
    for (const deal of page) {
      seen.set(deal.ID, (seen.get(deal.ID) ?? 0) + 1)
    }
  }

  const expected = new Set(added.getData().map(String))
  expect(same(pages, [50, 50, 20]), `pages of ${pages}`)
  expect(seen.size === 120 && [...seen.values()].every((count) => count === 1), `${seen.size} distinct deals, some more than once`)
  expect([...seen.keys()].every((id) => expected.has(id)), 'a deal that was not added')
  return `3 batches added 120 deals; pages of ${pages.join(', ')}, every deal once`
})

await check('list paging: next and total', async () => {
  const prefix = `JS SDK list ${run} `
  let page = await b24.actions.v2.call.make({ method: 'crm.deal.list', params: { filter: { '%TITLE': prefix }, order: { ID: 'ASC' }, select: ['ID'] } })
  const total = page.getTotal()
  let items = page.getData().result.length
  const starts = []
  while (page.isMore()) {
    page = await page.getNext(b24.getHttpClient(ApiVersion.v2))
    starts.push(page.getQuery().params.start)
    items += page.getData().result.length
  }

  expect(total === 120 && items === 120, `total ${total}, ${items} items`)
  expect(same(starts, [50, 100]), `next ${starts}`)
  return `total 120, next 50 then 100, 120 items`
})

await check('missing required parameter: crm.deal.get without id', async () => {
  const before = attempts(b24)
  const answer = await refusal(b24, 'crm.deal.get', {})
  expectEnvelope(answer, 400, '', 'ID is not defined or invalid')
  // The SDK reads an empty error code as no code: it reports axios's, and the description is lost.
  expect(answer.error.status === 400, `the SDK reports status ${answer.error.status}`)
  expect(attempts(b24) - before === 1, `${attempts(b24) - before} attempts`)
  return `HTTP 400 {"error":"","error_description":"${answer.body.error_description}"}; the SDK throws ${answer.error.code} (${answer.error.status}) "${answer.error.message}", not retried`
})

await check('unknown method: ERROR_METHOD_NOT_FOUND', async () => {
  const before = attempts(b24)
  const answer = await refusal(b24, 'crm.deal.nosuchmethod', {})
  expectEnvelope(answer, 404, 'ERROR_METHOD_NOT_FOUND', 'Method not found!')
  expect(answer.error.code === 'ERROR_METHOD_NOT_FOUND' && answer.error.status === 404, `the SDK reports ${answer.error.code} (${answer.error.status})`)
  expect(attempts(b24) - before === 1, `${attempts(b24) - before} attempts`)
  return `HTTP 404 ${JSON.stringify(answer.body)}; the SDK throws ${answer.error.code} (404), not retried`
})

await check('wrong webhook secret: NO_AUTH_FOUND', async () => {
  const wrong = hook(portalLimit, secret.split('').reverse().join('') + 'x')
  const answer = await refusal(wrong, 'server.time', {})
  expectEnvelope(answer, 401, 'NO_AUTH_FOUND', 'Wrong authorization data')
  expect(answer.error.code === 'NO_AUTH_FOUND' && answer.error.status === 401, `the SDK reports ${answer.error.code} (${answer.error.status})`)
  expect(attempts(wrong) === 1, `${attempts(wrong)} attempts`)
  return `HTTP 401 ${JSON.stringify(answer.body)}; the SDK throws NO_AUTH_FOUND (401), not retried`
})

// The portal's bucket empties at perSecond a second: wait until it is empty before each burst.
const drained = () => pause(Math.ceil(burst / perSecond) + 0.5)

await check(`rate limit: a burst above ${burst} without retries sees QUERY_LIMIT_EXCEEDED`, async () => {
  await drained()
  const client = hook(unthrottled(1))
  // As many over the burst as the portal lets through in three seconds: some are refused however slowly they arrive.
  const count = burst + Math.max(5, Math.ceil(3 * perSecond))
  const calls = await Promise.allSettled(Array.from({ length: count }, () => client.actions.v2.call.make({ method: 'server.time', params: {} })))
  const answered = calls.filter((call) => call.status === 'fulfilled').length
  const refused = calls.filter((call) => call.status === 'rejected').map((call) => call.reason)
  expect(answered >= burst, `only ${answered} of the first ${burst} answered`)
  expect(refused.length >= 1, 'no call was refused')
  for (const error of refused) {
    expect(error instanceof AjaxError && error.code === 'QUERY_LIMIT_EXCEEDED' && error.status === 503, `refused with ${error?.code} (${error?.status})`)
    expectEnvelope({ status: error.originalError.response.status, body: error.originalError.response.data }, 503, 'QUERY_LIMIT_EXCEEDED', 'Too many requests')
  }

  return `${answered} answered, ${refused.length} refused with HTTP 503 {"error":"QUERY_LIMIT_EXCEEDED","error_description":"Too many requests"}`
})

await check(`rate limit: the SDK retries a burst above ${burst} until every call is answered`, async () => {
  await drained()
  const client = hook(unthrottled(3))
  // A second's worth over the burst: the SDK waits a second or more before it retries, by then they fit.
  const count = burst + Math.max(1, Math.floor(perSecond))
  const started = Date.now()
  const calls = await Promise.allSettled(Array.from({ length: count }, () => client.actions.v2.call.make({ method: 'server.time', params: {} })))
  const failures = calls.filter((call) => call.status === 'rejected').map((call) => `${call.reason?.code} (${call.reason?.status})`)
  const stats = client.getHttpClient(ApiVersion.v2).getStats()
  expect(failures.length === 0, `failed: ${failures}`)
  expect(stats.retries >= 1, 'nothing was retried')
  return `${count} calls answered after ${stats.retries} retries of QUERY_LIMIT_EXCEEDED in ${((Date.now() - started) / 1000).toFixed(1)} s`
})

console.log(`JS SDK: ${passed} passed, ${failed} failed`)
process.exitCode = failed === 0 ? 0 : 1
