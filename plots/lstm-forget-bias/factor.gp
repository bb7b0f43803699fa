# Figure 'factor', written by rnnlab's Plotting module.
# Redraw it by hand in this folder:
#   gnuplot factor.gp                      draws factor.png
#   gnuplot -e "format='svg'" factor.gp    draws factor.svg (or 'pdf'; 'dumb' prints text)
# Data: factor.tsv, one block per series, chosen with 'index'.
# columns per block: 2 2 2 2
# rows per block: 201 4 201 4

if (!exists("format")) format = 'png'
if (!exists("outfile")) outfile = 'factor.' . format
if (format eq 'png') {
    set terminal pngcairo size 1360,540 enhanced font 'DejaVu Sans,12' linewidth 1.2 rounded
    set output outfile
}
if (format eq 'svg') {
    set terminal svg size 1360,540 fixed enhanced font 'DejaVu Sans, NanumGothic, Noto Sans CJK KR, sans-serif,12' linewidth 1.2 rounded background '#ffffff'
    set output outfile
}
if (format eq 'pdf') {
    set terminal pdfcairo size 13.6in,5.4in enhanced font 'DejaVu Sans,12' linewidth 1.2 rounded
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

set multiplot layout 1,2 title 'Forget bias b_f sets how long the cell path remembers' noenhanced font ',16'

# panel 1 of 2
reset
set border 3 lw 1 lc rgb '#444444'
set tics nomirror out
set grid xtics ytics back lw 1 lc rgb '#dddddd' dt 1
set key noenhanced opaque box lc rgb '#cccccc' samplen 2.5 Left reverse
set palette defined (0 '#440154', 1 '#482878', 2 '#3e4989', 3 '#31688e', 4 '#26828e', 5 '#1f9e89', 6 '#35b779', 7 '#6ece58', 8 '#b5de2b', 9 '#fde725')
set key bottom right
set xlabel 'forget-gate bias b_f' noenhanced
set ylabel 'factor per step' noenhanced
set xrange [-1.0:4.0]
set yrange [0.0:1.0]
set arrow 1 from first 1.0, graph 0 to first 1.0, graph 1 nohead back lw 1.5 dt (8,6) lc rgb '#555555'
set label 1 'b_f = 1 (Jozefowicz et al.)' at first 1.0, graph 0.97 offset 0.5,0 left noenhanced front tc rgb '#555555'
set title 'factor per step ‖∂L/∂c_t‖ / ‖∂L/∂c_{t+1}‖' noenhanced font ',14'
plot 'factor.tsv' index 0 using 1:2 with lines lw 2.0 dt (8,6) lc rgb '#d62728' title 'σ(b_f) = 1/(1 + e^(−b_f))' noenhanced, \
     'factor.tsv' index 1 using 1:2 with points pt 7 ps 2.0 lc rgb '#1f77b4' title 'measured (middle half of the sequence)' noenhanced

# panel 2 of 2
reset
set border 3 lw 1 lc rgb '#444444'
set tics nomirror out
set grid xtics ytics back lw 1 lc rgb '#dddddd' dt 1
set key noenhanced opaque box lc rgb '#cccccc' samplen 2.5 Left reverse
set palette defined (0 '#440154', 1 '#482878', 2 '#3e4989', 3 '#31688e', 4 '#26828e', 5 '#1f9e89', 6 '#35b779', 7 '#6ece58', 8 '#b5de2b', 9 '#fde725')
set key top left
set xlabel 'forget-gate bias b_f' noenhanced
set ylabel 'half-life (steps)' noenhanced
set logscale y 10
set format y tenpower
set xrange [-1.0:4.0]
set arrow 1 from first 1.0, graph 0 to first 1.0, graph 1 nohead back lw 1.5 dt (8,6) lc rgb '#555555'
set title 'steps for the gradient to halve, ln ½ / ln f' noenhanced font ',14'
plot 'factor.tsv' index 2 using 1:2 with lines lw 2.0 dt (8,6) lc rgb '#d62728' title 'ln ½ / ln σ(b_f)' noenhanced, \
     'factor.tsv' index 3 using 1:2 with points pt 7 ps 2.0 lc rgb '#1f77b4' title 'measured' noenhanced

unset multiplot
unset output
