# Figure 'gradient-norms', written by rnnlab's Plotting module.
# Redraw it by hand in this folder:
#   gnuplot gradient-norms.gp                      draws gradient-norms.png
#   gnuplot -e "format='svg'" gradient-norms.gp    draws gradient-norms.svg (or 'pdf'; 'dumb' prints text)
# Data: gradient-norms.tsv, one block per series, chosen with 'index'.
# columns per block: 2 2 2 2 2 2
# rows per block: 50 50 50 50 50 50

if (!exists("format")) format = 'png'
if (!exists("outfile")) outfile = 'gradient-norms.' . format
if (format eq 'png') {
    set terminal pngcairo size 1100,660 enhanced font 'DejaVu Sans,12' linewidth 1.2 rounded
    set output outfile
}
if (format eq 'svg') {
    set terminal svg size 1100,660 fixed enhanced font 'DejaVu Sans, NanumGothic, Noto Sans CJK KR, sans-serif,12' linewidth 1.2 rounded background '#ffffff'
    set output outfile
}
if (format eq 'pdf') {
    set terminal pdfcairo size 11.0in,6.6in enhanced font 'DejaVu Sans,12' linewidth 1.2 rounded
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

set multiplot layout 1,1 title 'Per-step gradient norms while the LSTM learns (darker: earlier)' noenhanced font ',16'

# panel 1 of 1
reset
set border 3 lw 1 lc rgb '#444444'
set tics nomirror out
set grid xtics ytics back lw 1 lc rgb '#dddddd' dt 1
set key noenhanced opaque box lc rgb '#cccccc' samplen 2.5 Left reverse
set palette defined (0 '#440154', 1 '#482878', 2 '#3e4989', 3 '#31688e', 4 '#26828e', 5 '#1f9e89', 6 '#35b779', 7 '#6ece58', 8 '#b5de2b', 9 '#fde725')
set key top left
set xlabel 'time step t in the chunk (the loss is on every step; the gradient stops at t = 1)' noenhanced
set ylabel '‖∂L/∂h_t‖' noenhanced
set logscale y 10
set format y tenpower
set title '‖∂L/∂h_t‖ over one chunk of T = 50 characters (truncated BPTT)' noenhanced font ',14'
plot 'gradient-norms.tsv' index 0 using 1:2 with lines lw 2.0 dt 1 lc rgb '#440154' title 'iteration 0' noenhanced, \
     'gradient-norms.tsv' index 1 using 1:2 with lines lw 2.0 dt 1 lc rgb '#3d4280' title 'iteration 250' noenhanced, \
     'gradient-norms.tsv' index 2 using 1:2 with lines lw 2.0 dt 1 lc rgb '#2b788c' title 'iteration 500' noenhanced, \
     'gradient-norms.tsv' index 3 using 1:2 with lines lw 2.0 dt 1 lc rgb '#39a77b' title 'iteration 750' noenhanced, \
     'gradient-norms.tsv' index 4 using 1:2 with lines lw 2.0 dt 1 lc rgb '#7ecf56' title 'iteration 1000' noenhanced, \
     'gradient-norms.tsv' index 5 using 1:2 with lines lw 2.0 dt 1 lc rgb '#fde725' title 'iteration 1250' noenhanced

unset multiplot
unset output
