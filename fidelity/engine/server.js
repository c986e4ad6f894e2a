// The reference engine for python -m fidelity: json-server 0.16.0 set up as JSONPlaceholder runs it
// (fake writes, the data set restored before every request but the home page, no request log).
// Usage: node server.js DATA_JSON   (listens on a free loopback port and prints it once it accepts connections)
const jsonServer = require('json-server')
const clone = require('clone')
const [dataPath] = process.argv.slice(2)
const data = require(require('path').resolve(dataPath))
const app = jsonServer.create()
const router = jsonServer.router(clone(data), { _isFake: true })
app.use((req, res, next) => {
  if (req.path === '/') return next()
  router.db.setState(clone(data))
  next()
})
app.use(jsonServer.defaults({ logger: false }))
app.use(router)
const server = app.listen(0, '127.0.0.1', () => console.log(`listening ${server.address().port}`))
