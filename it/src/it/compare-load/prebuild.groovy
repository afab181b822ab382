evaluate(new File(itSources, 'compare-git.groovy'))
