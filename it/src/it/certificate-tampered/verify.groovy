import groovy.json.JsonSlurper

def runs = new File(basedir, 'build.log').text.split(/\[INFO\] Scanning for projects\.\.\./).drop(1)
assert runs.size() == 4
def (check, intact, tamper, broken) = runs

// 1. the certificate of a passing build, with the result file's digest
assert check.contains('BUILD SUCCESS')
assert check =~ /perfgate: certificate \(PASSED, 2 files digested\): \S*target\/perfgate\/certificate\.md/
def certificate = new JsonSlurper().parse(new File(basedir, 'target/perfgate/certificate.json'))
assert certificate.status == 'PASSED'
assert certificate.project.artifactId == 'certificate-tampered'
assert certificate.project.version == '1.0-SNAPSHOT'
assert certificate.commit != null
assert certificate.gates.any { it.test == 'import.yaml#orders' && it.metric == 'p95' && it.bound == '1s' && it.verdict == 'PASS' && it.level == 'BLOCKING' }
def results = certificate.files.findAll { it.role == 'result' }
assert results.size() == 1
assert results[0].path.startsWith('target/perfgate/results/') && results[0].sha256 ==~ /[0-9a-f]{64}/
assert certificate.files.any { it.role == 'waivers' && it.path == '.perfgate/waivers.yaml' }
def markdown = new File(basedir, 'target/perfgate/certificate.md').text
assert markdown.startsWith('# Performance compliance certificate: PASSED')
assert markdown.contains(results[0].path)

// 2. untouched files verify
assert intact.contains('BUILD SUCCESS')
assert intact =~ /perfgate: certificate verified: 2 files match their SHA-256 digests \(certificate status PASSED\)/

// 3. + 4. one changed byte: verification fails naming the file
def tampered = (tamper =~ /TAMPERED (\S+)/)[0][1]
assert tampered == results[0].path
assert broken.contains('BUILD FAILURE')
assert broken =~ /perfgate: the certificate \S+certificate\.json no longer matches 1 of its 2 files:\s+/ + java.util.regex.Pattern.quote(tampered) + / \(result\) changed: SHA-256 [0-9a-f]{64} where the certificate has / + results[0].sha256
return true
