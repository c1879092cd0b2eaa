# Zero-width space, non-joiner, joiner, word joiner, soft hyphen and a BOM
# inside words: invisible, but nothing around them may be lost.
DESC="zero-width and other invisible characters inside words"
RC=0
TEXT="zerowidth space, nonjoiner, joinerhere, wordjoiner, softhyphen, bominside end."
prepare() {
	{
		paper_head "Zero width"
		printf '    <p>zero\342\200\213width space, non\342\200\214joiner, joiner\342\200\215here, word\342\201\240joiner, soft\302\255hyphen, bom\357\273\277inside end.</p>\n'
		paper_tail
	} > paper.xml
}
