# src/dist/test-dist.sh: types 'pcx cust' and Tab into an interactive zsh whose fpath holds DIR
# (where _pcx is), and prints what the line became. Usage: zsh -f zsh_completion.zsh DIR
zmodload zsh/zpty
zpty shell 'TERM=dumb zsh -f -i'
zpty -w shell "PS1='> '; fpath=(${(q)1} \$fpath); autoload -U compinit; compinit -u -D"
zpty -wn shell $'pcx cust\t'
zpty -w shell $'\necho tab-done'
seen=""
for i in {1..200}; do
  zpty -rt shell line && seen+=$line || sleep 0.05
  [[ $seen == *tab-done*tab-done* ]] && break
done
zpty -d shell
print -r -- "${${seen//$'\r'/}//[[:cntrl:]]\[\?2004[hl]/}"
