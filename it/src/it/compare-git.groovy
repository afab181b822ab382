// Shared by the compare-* scenarios (their prebuild.groovy evaluates it): makes the cloned project a git repository
// with two commits. "base" on main is the project with base-files/ laid over it; "head" on branch feature is the
// project as written. perfgate:compare -Dperfgate.against=main then compares head with their merge base.
def run = { List<String> command ->
    def process = new ProcessBuilder(command).directory(basedir).redirectErrorStream(true).start()
    def output = process.inputStream.text
    assert process.waitFor() == 0: "${command.join(' ')} failed: ${output}"
    output
}
def git = { String... arguments ->
    run(['git', '-c', 'user.name=perfgate-it', '-c', 'user.email=it@perfgate.invalid', '-c', 'commit.gpgsign=false']
            + arguments.toList())
}
new File(basedir, '.gitignore').text = 'target/\nbuild.log\nbase-files/\n'
git('init', '-q')
git('checkout', '-q', '-b', 'main')
def overlay = new File(basedir, 'base-files')
def head = [:]
overlay.eachFileRecurse(groovy.io.FileType.FILES) { file ->
    def target = new File(basedir, overlay.toPath().relativize(file.toPath()).toString())
    head[target] = target.exists() ? target.bytes : null
    target.parentFile.mkdirs()
    target.bytes = file.bytes
}
git('add', '-A')
git('commit', '-q', '-m', 'base')
git('checkout', '-q', '-b', 'feature')
head.each { File target, byte[] content -> content == null ? target.delete() : (target.bytes = content) }
git('add', '-A')
git('commit', '-q', '--allow-empty', '-m', 'head')
return true
