// The reference engine for python -m fidelity: json-server 0.16.0 set up as JSONPlaceholder runs it
// (fake writes, the data set restored before every request but the home page, no request log).
// Usage: node server.js DATA_JSON   (listens on a free loopback port and prints it once it accepts connections)
//
// JSONPlaceholder restores the data with clone(data) before each request: about 20 ms for its 1.4 MB, most of
// the engine's time. Here each request gets a new top-level object whose collections are each parsed afresh
// from their own text when the request first reads (or sets) them: every collection a request touches is a new
// copy of the data set's, as with clone, and one it never touches costs nothing.
const fs = require('fs')
const path = require('path')
const { isDeepStrictEqual } = require('util')
const jsonServer = require('json-server')
const [dataPath] = process.argv.slice(2)
const text = fs.readFileSync(path.resolve(dataPath), 'utf8').replace(/^\uFEFF/, '') // as require() reads it
const data = JSON.parse(text)
const collections = Object.keys(data).map(name => [name, JSON.stringify(data[name])])
// The texts must give back exactly the data (a -0 or a 1e400 would not survive JSON.stringify): else parse it all.
const exact = isDeepStrictEqual(data, Object.fromEntries(collections.map(([name, t]) => [name, JSON.parse(t)])))

function settle (state, name, value) {
  Object.defineProperty(state, name, { value, writable: true, enumerable: true, configurable: true })
  return value
}

function fresh () {
  if (!exact) return JSON.parse(text)
  const state = {}
  for (const [name, source] of collections) {
    Object.defineProperty(state, name, {
      enumerable: true,
      configurable: true,
      get: () => settle(state, name, JSON.parse(source)),
      set: value => settle(state, name, value)
    })
  }
  return state
}

const app = jsonServer.create()
const router = jsonServer.router(JSON.parse(text), { _isFake: true })
app.use((req, res, next) => {
  if (req.path === '/') return next()
  router.db.setState(fresh())
  next()
})
app.use(jsonServer.defaults({ logger: false }))
app.use(router)
const server = app.listen(0, '127.0.0.1', () => console.log(`listening ${server.address().port}`))
