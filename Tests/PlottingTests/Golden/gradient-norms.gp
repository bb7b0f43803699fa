# Figure 'gradient-norms', written by rnnlab's Plotting module.
# Redraw it by hand in this folder:
#   gnuplot gradient-norms.gp                      draws gradient-norms.png
#   gnuplot -e "format='svg'" gradient-norms.gp    draws gradient-norms.svg (or 'pdf'; 'dumb' prints text)
# Data: gradient-norms.tsv, one block per series, chosen with 'index'.
# columns per block: 2 2 2
# rows per block: 21 21 21

if (!exists("format")) format = 'png'
if (!exists("outfile")) outfile = 'gradient-norms.' . format
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

set multiplot layout 1,1 title 'Backpropagated gradient norm ‖∂L/∂h_t‖' noenhanced font ',16'

# panel 1 of 1
reset
set border 3 lw 1 lc rgb '#444444'
set tics nomirror out
set grid xtics ytics back lw 1 lc rgb '#dddddd' dt 1
set key noenhanced opaque box lc rgb '#cccccc' samplen 2.5 Left reverse
set palette defined (0 '#440154', 1 '#482878', 2 '#3e4989', 3 '#31688e', 4 '#26828e', 5 '#1f9e89', 6 '#35b779', 7 '#6ece58', 8 '#b5de2b', 9 '#fde725')
set key top left
set xlabel 'steps back in time, T − t' noenhanced
set ylabel '‖∂L/∂h_t‖' noenhanced
set logscale y 10
set format y tenpower
set arrow 1 from graph 0, first 1.0 to graph 1, first 1.0 nohead back lw 1.5 dt (8,6) lc rgb '#555555'
plot 'gradient-norms.tsv' index 0 using 1:2 with linespoints pt 7 ps 1.0 lw 2.0 dt 1 lc rgb '#1f77b4' title 'ρ(W_hh) = 0.8' noenhanced, \
     'gradient-norms.tsv' index 1 using 1:2 with linespoints pt 7 ps 1.0 lw 2.0 dt 1 lc rgb '#ff7f0e' title 'ρ(W_hh) = 1.0' noenhanced, \
     'gradient-norms.tsv' index 2 using 1:2 with linespoints pt 7 ps 1.0 lw 2.0 dt 1 lc rgb '#2ca02c' title 'ρ(W_hh) = 1.25' noenhanced

unset multiplot
unset output
