def log = new File(basedir, 'build.log').text
assert log.contains('BUILD FAILURE')
// a build error (not a gate failure) naming the file, the line and the fix
assert log =~ /\[ERROR\] Failed to execute goal io\.perfgate:perfgate-maven-plugin:[^:]+:check [^\n]*perfgate: \.perfgate\/waivers\.yaml line 2: waiver for import\.yaml#orders has no approver: add 'approver: <who approved the exception>'/
// the gate was never judged as waived
assert !log.contains('WAIVED')
return true
