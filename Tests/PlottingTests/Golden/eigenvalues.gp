# Figure 'eigenvalues', written by rnnlab's Plotting module.
# Redraw it by hand in this folder:
#   gnuplot eigenvalues.gp                      draws eigenvalues.png
#   gnuplot -e "format='svg'" eigenvalues.gp    draws eigenvalues.svg (or 'pdf'; 'dumb' prints text)
# Data: eigenvalues.tsv, one block per series, chosen with 'index'.
# columns per block: 2 2
# rows per block: 201 64

if (!exists("format")) format = 'png'
if (!exists("outfile")) outfile = 'eigenvalues.' . format
if (format eq 'png') {
    set terminal pngcairo size 1000,650 enhanced font 'DejaVu Sans,12' linewidth 1.2 rounded
    set output outfile
}
if (format eq 'svg') {
    set terminal svg size 1000,650 fixed enhanced font 'DejaVu Sans, NanumGothic, Noto Sans CJK KR, sans-serif,12' linewidth 1.2 rounded background '#ffffff'
    set output outfile
}
if (format eq 'pdf') {
    set terminal pdfcairo size 10.0in,6.5in enhanced font 'DejaVu Sans,12' linewidth 1.2 rounded
    set output outfile
}
if (format eq 'dumb') {
    set terminal dumb size 120,40
    set output
}
if (format ne 'png' && format ne 'svg' && format ne 'pdf' && format ne 'dumb') {
    print 'format must be png, svg, pdf or dumb'
    exit status 2
}
set encoding utf8
# Log-axis ticks read 10^k: superscript where the terminal can, plain in text.
tenpower = (format eq 'dumb') ? '10^%L' : '10^{%L}'

set multiplot layout 1,1 title 'Eigenvalues of W_hh at initialisation (H = 64, σ = 1.3/√H)' noenhanced font ',16'

# panel 1 of 1
reset
set border 3 lw 1 lc rgb '#444444'
set tics nomirror out
set grid xtics ytics back lw 1 lc rgb '#dddddd' dt 1
set key noenhanced opaque box lc rgb '#cccccc' samplen 2.5 Left reverse
set palette defined (0 '#440154', 1 '#482878', 2 '#3e4989', 3 '#31688e', 4 '#26828e', 5 '#1f9e89', 6 '#35b779', 7 '#6ece58', 8 '#b5de2b', 9 '#fde725')
set key outside right top
set xlabel 'Re λ' noenhanced
set ylabel 'Im λ' noenhanced
set size ratio -1
set xrange [-1.5:1.5]
set yrange [-1.2:1.2]
plot 'eigenvalues.tsv' index 0 using 1:2 with lines lw 1.5 dt (8,6) lc rgb '#7f7f7f' title '|λ| = 1' noenhanced, \
     'eigenvalues.tsv' index 1 using 1:2 with points pt 7 ps 1.2 lc rgb '#1f77b4' title 'λ(W_hh)' noenhanced

unset multiplot
unset output
