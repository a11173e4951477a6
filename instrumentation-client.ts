import { config } from 'zod'

// Runs in the browser before the app's code (Next's instrumentation-client).
// zod 4 probes for a JIT with `Function('')` the first time it parses an
// object; our Content-Security-Policy has no 'unsafe-eval', so that probe
// would be reported as a CSP violation. Say up front that there is no JIT.
config({ jitless: true })
