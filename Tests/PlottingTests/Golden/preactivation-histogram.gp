# Figure 'preactivation-histogram', written by rnnlab's Plotting module.
# Redraw it by hand in this folder:
#   gnuplot preactivation-histogram.gp                      draws preactivation-histogram.png
#   gnuplot -e "format='svg'" preactivation-histogram.gp    draws preactivation-histogram.svg (or 'pdf'; 'dumb' prints text)
# Data: preactivation-histogram.tsv, one block per series, chosen with 'index'.
# columns per block: 3 2
# rows per block: 40 101

if (!exists("format")) format = 'png'
if (!exists("outfile")) outfile = 'preactivation-histogram.' . format
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

set multiplot layout 1,1 title 'Pre-activations a_t at t = 10' noenhanced font ',16'

# panel 1 of 1
reset
set border 3 lw 1 lc rgb '#444444'
set tics nomirror out
set grid xtics ytics back lw 1 lc rgb '#dddddd' dt 1
set key noenhanced opaque box lc rgb '#cccccc' samplen 2.5 Left reverse
set palette defined (0 '#440154', 1 '#482878', 2 '#3e4989', 3 '#31688e', 4 '#26828e', 5 '#1f9e89', 6 '#35b779', 7 '#6ece58', 8 '#b5de2b', 9 '#fde725')
set key top right
set xlabel 'a_t' noenhanced
set ylabel 'density' noenhanced
plot 'preactivation-histogram.tsv' index 0 using 1:2:3 with boxes lc rgb '#1f77b4' fs transparent solid 0.3 border lc rgb '#1f77b4' title 'a_t, 2000 samples' noenhanced, \
     'preactivation-histogram.tsv' index 1 using 1:2 with lines lw 2.0 dt 1 lc rgb '#000000' title 'N(1, 0.5²)' noenhanced

unset multiplot
unset output
