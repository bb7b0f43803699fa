# Figure 'exploding', written by rnnlab's Plotting module.
# Redraw it by hand in this folder:
#   gnuplot exploding.gp                      draws exploding.png
#   gnuplot -e "format='svg'" exploding.gp    draws exploding.svg (or 'pdf'; 'dumb' prints text)
# Data: exploding.tsv, one block per series, chosen with 'index'.
# columns per block: 2 2 2 2
# rows per block: 30 30 30 30

if (!exists("format")) format = 'png'
if (!exists("outfile")) outfile = 'exploding.' . format
if (format eq 'png') {
    set terminal pngcairo size 1200,500 enhanced font 'DejaVu Sans,12' linewidth 1.2 rounded
    set output outfile
}
if (format eq 'svg') {
    set terminal svg size 1200,500 fixed enhanced font 'DejaVu Sans, NanumGothic, Noto Sans CJK KR, sans-serif,12' linewidth 1.2 rounded background '#ffffff'
    set output outfile
}
if (format eq 'pdf') {
    set terminal pdfcairo size 12.0in,5.0in enhanced font 'DejaVu Sans,12' linewidth 1.2 rounded
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

set multiplot layout 1,2 title 'Exploding gradients, σ = 3' noenhanced font ',16'

# panel 1 of 2
reset
set border 3 lw 1 lc rgb '#444444'
set tics nomirror out
set grid xtics ytics back lw 1 lc rgb '#dddddd' dt 1
set key noenhanced opaque box lc rgb '#cccccc' samplen 2.5 Left reverse
set palette defined (0 '#440154', 1 '#482878', 2 '#3e4989', 3 '#31688e', 4 '#26828e', 5 '#1f9e89', 6 '#35b779', 7 '#6ece58', 8 '#b5de2b', 9 '#fde725')
set key top right
set xlabel 'step' noenhanced
set ylabel 'loss' noenhanced
set title 'loss' noenhanced font ',14'
plot 'exploding.tsv' index 0 using 1:2 with lines lw 2.0 dt 1 lc rgb '#1f77b4' title 'clipped' noenhanced, \
     keyentry with lines lw 2.0 dt 1 lc rgb '#ff7f0e' title 'unclipped (diverged)' noenhanced

# panel 2 of 2
reset
set border 3 lw 1 lc rgb '#444444'
set tics nomirror out
set grid xtics ytics back lw 1 lc rgb '#dddddd' dt 1
set key noenhanced opaque box lc rgb '#cccccc' samplen 2.5 Left reverse
set palette defined (0 '#440154', 1 '#482878', 2 '#3e4989', 3 '#31688e', 4 '#26828e', 5 '#1f9e89', 6 '#35b779', 7 '#6ece58', 8 '#b5de2b', 9 '#fde725')
set key top right
set xlabel 'step' noenhanced
set ylabel '‖g‖' noenhanced
set logscale y 10
set format y tenpower
set title 'gradient norm'."\n".'(log y axis: 4 values ≤ 0 left out)' noenhanced font ',14'
plot 'exploding.tsv' index 2 using 1:2 with linespoints pt 7 ps 1.0 lw 2.0 dt 1 lc rgb '#1f77b4' title 'clipped' noenhanced, \
     'exploding.tsv' index 3 using 1:2 with linespoints pt 7 ps 1.0 lw 2.0 dt 1 lc rgb '#ff7f0e' title 'unclipped' noenhanced

unset multiplot
unset output
