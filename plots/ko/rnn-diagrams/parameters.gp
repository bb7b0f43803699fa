# Figure 'parameters', written by rnnlab's Plotting module.
# Redraw it by hand in this folder:
#   gnuplot parameters.gp                      draws parameters.png
#   gnuplot -e "format='svg'" parameters.gp    draws parameters.svg (or 'pdf'; 'dumb' prints text)
# Data: parameters.tsv, one block per series, chosen with 'index'.
# columns per block: 2 2 2 2
# rows per block: 200 200 200 2

if (!exists("format")) format = 'png'
if (!exists("outfile")) outfile = 'parameters.' . format
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

set multiplot layout 1,1 title 'H에 따른 셀 하나의 파라미터 수: LSTM은 블록 4개, GRU는 3개와 b_hn' noenhanced font ',16'

# panel 1 of 1
reset
set border 3 lw 1 lc rgb '#444444'
set tics nomirror out
set grid xtics ytics back lw 1 lc rgb '#dddddd' dt 1
set key noenhanced opaque box lc rgb '#cccccc' samplen 2.5 Left reverse
set palette defined (0 '#440154', 1 '#482878', 2 '#3e4989', 3 '#31688e', 4 '#26828e', 5 '#1f9e89', 6 '#35b779', 7 '#6ece58', 8 '#b5de2b', 9 '#fde725')
set key top left
set xlabel '은닉 유닛 H' noenhanced
set ylabel '파라미터 수' noenhanced
set xrange [0.0:200.0]
set arrow 1 from graph 0, first 49900.0 to graph 1, first 49900.0 nohead back lw 1.5 dt (8,6) lc rgb '#555555'
set arrow 2 from first 100.0, graph 0 to first 100.0, graph 1 nohead back lw 1.5 dt (8,6) lc rgb '#555555'
set title '셀 하나의 모든 가중치와 편향 (CellParameters.parameterCount), D = 65' noenhanced font ',14'
plot 'parameters.tsv' index 0 using 1:2 with lines lw 2.0 dt 1 lc rgb '#1f77b4' title 'tanh: H(D + H + 1)' noenhanced, \
     'parameters.tsv' index 1 using 1:2 with lines lw 2.0 dt 1 lc rgb '#2ca02c' title 'LSTM (i, f, g, o): 4H(D + H + 1)' noenhanced, \
     'parameters.tsv' index 2 using 1:2 with lines lw 2.0 dt 1 lc rgb '#9467bd' title 'GRU (r, z, n): 3H(D + H + 1) + H' noenhanced, \
     'parameters.tsv' index 3 using 1:2 with points pt 7 ps 1.6 lc rgb '#000000' title 'H = 100의 GRU: 49900; H = 83의 LSTM: 49468' noenhanced

unset multiplot
unset output
