// V8 itself as the oracle for python -m fidelity.regex_diff: `new RegExp(pattern, 'i')` as json-server runs it.
// Usage: node regex_oracle.js tables   -> one JSON object: V8's case classes and identifier characters
//        node regex_oracle.js test     -> reads JSON lines (first: the subjects; then one pattern per line) and
//                                         answers each pattern with {"error": "Name: message"}, {"bits": "0110..."}
//                                         (match or not, per subject) or {"timeout": true} past 2 s.
'use strict'
const vm = require('vm')
const readline = require('readline')

function caseClasses () {
  // Every UTF-16 code unit that a case-insensitive, non-unicode RegExp matches with another one.
  let all = ''
  for (let unit = 0; unit < 0x10000; unit++) all += String.fromCharCode(unit)
  const classes = new Map()
  for (let unit = 0; unit < 0x10000; unit++) {
    const re = new RegExp('\\u' + unit.toString(16).padStart(4, '0'), 'gi')
    const found = []
    let match
    while ((match = re.exec(all)) !== null) found.push(match.index)
    if (found.length > 1) classes.set(found.join(','), found)
  }
  return [...classes.values()]
}

function ranges (accepts) {
  // The code points (0 to 0x10FFFF) for which accepts(codePoint) holds, as [first, last] ranges.
  const result = []
  for (let cp = 0; cp <= 0x10FFFF; cp++) {
    if (!accepts(cp)) continue
    const last = result[result.length - 1]
    if (last && last[1] === cp - 1) last[1] = cp
    else result.push([cp, cp])
  }
  return result
}

function valid (pattern) {
  try { new RegExp(pattern); return true } catch (e) { return false }
}

function tables () {
  const start = (cp) => cp !== 0x5C && valid('(?<' + String.fromCodePoint(cp) + '>a)')
  const part = (cp) => cp !== 0x5C && cp !== 0x3E && valid('(?<a' + String.fromCodePoint(cp) + '>a)')
  process.stdout.write(JSON.stringify({
    node: process.version,
    case_classes: caseClasses(),
    identifier_start: ranges(start),
    identifier_part: ranges(part)
  }) + '\n')
}

function test () {
  const context = vm.createContext({ subjects: null, pattern: null })
  const code = '(() => { let bits = ""; const re = new RegExp(pattern, "i"); for (const s of subjects) bits += re.test(s) ? "1" : "0"; return bits })()'
  const script = new vm.Script(code)
  const lines = readline.createInterface({ input: process.stdin })
  lines.on('line', (line) => {
    const value = JSON.parse(line)
    if (context.subjects === null) { context.subjects = value; return }
    context.pattern = value
    let answer
    try {
      answer = { bits: script.runInContext(context, { timeout: 2000 }) }
    } catch (error) {
      if (error && error.code === 'ERR_SCRIPT_EXECUTION_TIMEOUT') answer = { timeout: true }
      else answer = { error: `${error.name}: ${error.message}` }
    }
    process.stdout.write(JSON.stringify(answer) + '\n')
  })
}

if (process.argv[2] === 'tables') tables()
else if (process.argv[2] === 'test') test()
else { process.stderr.write('usage: node regex_oracle.js tables|test\n'); process.exit(2) }
