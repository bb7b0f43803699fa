# Figure 'growth', written by rnnlab's Plotting module.
# Redraw it by hand in this folder:
#   gnuplot growth.gp                      draws growth.png
#   gnuplot -e "format='svg'" growth.gp    draws growth.svg (or 'pdf'; 'dumb' prints text)
# Data: growth.tsv, one block per series, chosen with 'index'.
# columns per block: 2 2 2 2 2 2 2 2 2 2 2 2 4 4 4 2 2 2 2 2 2 2 4 4 4
# rows per block: 7 7 7 7 7 6 2 6 2 6 2 7 1 1 1 6 2 6 2 6 2 7 1 1 1

if (!exists("format")) format = 'png'
if (!exists("outfile")) outfile = 'growth.' . format
if (format eq 'png') {
    set terminal pngcairo size 1860,560 enhanced font 'DejaVu Sans,12' linewidth 1.2 rounded
    set output outfile
}
if (format eq 'svg') {
    set terminal svg size 1860,560 fixed enhanced font 'DejaVu Sans, NanumGothic, Noto Sans CJK KR, sans-serif,12' linewidth 1.2 rounded background '#ffffff'
    set output outfile
}
if (format eq 'pdf') {
    set terminal pdfcairo size 18.6in,5.6in enhanced font 'DejaVu Sans,12' linewidth 1.2 rounded
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

set multiplot layout 1,3 title 'How the singular values of ∂h_T/∂h_0 grow, shrink and spread with T (H = 200)' noenhanced font ',16'

# panel 1 of 3
reset
set border 3 lw 1 lc rgb '#444444'
set tics nomirror out
set grid xtics ytics back lw 1 lc rgb '#dddddd' dt 1
set key noenhanced opaque box lc rgb '#cccccc' samplen 2.5 Left reverse
set palette defined (0 '#440154', 1 '#482878', 2 '#3e4989', 3 '#31688e', 4 '#26828e', 5 '#1f9e89', 6 '#35b779', 7 '#6ece58', 8 '#b5de2b', 9 '#fde725')
set key bottom left
set xlabel 'T (steps back)' noenhanced
set ylabel 'σ_max of ∂h_T/∂h_0' noenhanced
set logscale x 10
set format x tenpower
set logscale y 10
set format y tenpower
set arrow 1 from graph 0, first 1.0 to graph 1, first 1.0 nohead back lw 1.5 dt (8,6) lc rgb '#555555'
set title 'largest σ: grows for g > 1, vanishes for g < 1' noenhanced font ',14'
plot 'growth.tsv' index 0 using 1:2 with linespoints pt 7 ps 1.3 lw 2.5 dt 1 lc rgb '#1f77b4' title 'tanh, Gaussian g = 0.5' noenhanced, \
     'growth.tsv' index 1 using 1:2 with linespoints pt 7 ps 1.3 lw 2.5 dt 1 lc rgb '#ff7f0e' title 'tanh, Gaussian g = 1' noenhanced, \
     'growth.tsv' index 2 using 1:2 with linespoints pt 7 ps 1.3 lw 2.5 dt 1 lc rgb '#2ca02c' title 'tanh, Gaussian g = 1.5' noenhanced, \
     'growth.tsv' index 3 using 1:2 with linespoints pt 7 ps 1.3 lw 2.5 dt 1 lc rgb '#d62728' title 'tanh, orthogonal' noenhanced, \
     'growth.tsv' index 4 using 1:2 with linespoints pt 7 ps 1.3 lw 2.5 dt 1 lc rgb '#9467bd' title 'IRNN (ReLU, W_hh = I)' noenhanced

# panel 2 of 3
reset
set border 3 lw 1 lc rgb '#444444'
set tics nomirror out
set grid xtics ytics back lw 1 lc rgb '#dddddd' dt 1
set key noenhanced opaque box lc rgb '#cccccc' samplen 2.5 Left reverse
set palette defined (0 '#440154', 1 '#482878', 2 '#3e4989', 3 '#31688e', 4 '#26828e', 5 '#1f9e89', 6 '#35b779', 7 '#6ece58', 8 '#b5de2b', 9 '#fde725')
set key bottom left
set xlabel 'T (steps back)' noenhanced
set ylabel 'median σ of ∂h_T/∂h_0' noenhanced
set logscale x 10
set format x tenpower
set logscale y 10
set format y tenpower
set yrange [2.0362800875040035e-45:15.532418282574508]
set arrow 1 from graph 0, first 1.0 to graph 1, first 1.0 nohead back lw 1.5 dt (8,6) lc rgb '#555555'
set title 'median σ: collapses for every Gaussian W'."\n".'(IRNN: median 0, left off the log axis)' noenhanced font ',14'
plot 'growth.tsv' index 5 using 1:2 with linespoints pt 7 ps 1.3 lw 2.5 dt 1 lc rgb '#1f77b4' title 'tanh, Gaussian g = 0.5' noenhanced, \
     'growth.tsv' index 6 using 1:2 with lines lw 1.8 dt (8,6) lc rgb '#1f77b4' notitle, \
     'growth.tsv' index 7 using 1:2 with linespoints pt 7 ps 1.3 lw 2.5 dt 1 lc rgb '#ff7f0e' title 'tanh, Gaussian g = 1' noenhanced, \
     'growth.tsv' index 8 using 1:2 with lines lw 1.8 dt (8,6) lc rgb '#ff7f0e' notitle, \
     'growth.tsv' index 9 using 1:2 with linespoints pt 7 ps 1.3 lw 2.5 dt 1 lc rgb '#2ca02c' title 'tanh, Gaussian g = 1.5' noenhanced, \
     'growth.tsv' index 10 using 1:2 with lines lw 1.8 dt (8,6) lc rgb '#2ca02c' notitle, \
     'growth.tsv' index 11 using 1:2 with linespoints pt 7 ps 1.3 lw 2.5 dt 1 lc rgb '#d62728' title 'tanh, orthogonal' noenhanced, \
     'growth.tsv' index 12 using 1:2:3:4 with vectors head filled size screen 0.012,20 lw 2.0 dt 1 lc rgb '#444444' title 'below floor (σ_max·H·ε)' noenhanced, \
     'growth.tsv' index 13 using 1:2:3:4 with vectors head filled size screen 0.012,20 lw 2.0 dt 1 lc rgb '#444444' notitle, \
     'growth.tsv' index 14 using 1:2:3:4 with vectors head filled size screen 0.012,20 lw 2.0 dt 1 lc rgb '#444444' notitle

# panel 3 of 3
reset
set border 3 lw 1 lc rgb '#444444'
set tics nomirror out
set grid xtics ytics back lw 1 lc rgb '#dddddd' dt 1
set key noenhanced opaque box lc rgb '#cccccc' samplen 2.5 Left reverse
set palette defined (0 '#440154', 1 '#482878', 2 '#3e4989', 3 '#31688e', 4 '#26828e', 5 '#1f9e89', 6 '#35b779', 7 '#6ece58', 8 '#b5de2b', 9 '#fde725')
set key top left
set xlabel 'T (steps back)' noenhanced
set ylabel 'σ_max / median σ' noenhanced
set logscale x 10
set format x tenpower
set logscale y 10
set format y tenpower
set yrange [0.5:3.6550505220758996e+28]
set arrow 1 from graph 0, first 1.0 to graph 1, first 1.0 nohead back lw 1.5 dt (8,6) lc rgb '#555555'
set label 1 'g = 0.5 lies under g = 1: the Gaussian cases'."\n".'are one W scaled by g, and while h ≈ 0 (tanh′ ≈ 1)'."\n".'∂h_T/∂h_0 ≈ g^T·W^T: g^T cancels in the ratio' at first 1.08, first 1.4855284294340588e+18 noenhanced front
set title 'spread σ_max / median σ'."\n".'(IRNN: median 0, left off the log axis)' noenhanced font ',14'
plot 'growth.tsv' index 15 using 1:2 with linespoints pt 7 ps 2.3 lw 7.0 dt 1 lc rgb '#1f77b4' title 'tanh, Gaussian g = 0.5 (wide: under g = 1)' noenhanced, \
     'growth.tsv' index 16 using 1:2 with lines lw 1.8 dt (8,6) lc rgb '#1f77b4' notitle, \
     'growth.tsv' index 17 using 1:2 with linespoints pt 7 ps 1.3 lw 2.5 dt 1 lc rgb '#ff7f0e' title 'tanh, Gaussian g = 1' noenhanced, \
     'growth.tsv' index 18 using 1:2 with lines lw 1.8 dt (8,6) lc rgb '#ff7f0e' notitle, \
     'growth.tsv' index 19 using 1:2 with linespoints pt 7 ps 1.3 lw 2.5 dt 1 lc rgb '#2ca02c' title 'tanh, Gaussian g = 1.5' noenhanced, \
     'growth.tsv' index 20 using 1:2 with lines lw 1.8 dt (8,6) lc rgb '#2ca02c' notitle, \
     'growth.tsv' index 21 using 1:2 with linespoints pt 7 ps 1.3 lw 2.5 dt 1 lc rgb '#d62728' title 'tanh, orthogonal' noenhanced, \
     'growth.tsv' index 22 using 1:2:3:4 with vectors head filled size screen 0.012,20 lw 2.0 dt 1 lc rgb '#444444' title 'median below floor: ratio above 1/(H·ε)' noenhanced, \
     'growth.tsv' index 23 using 1:2:3:4 with vectors head filled size screen 0.012,20 lw 2.0 dt 1 lc rgb '#444444' notitle, \
     'growth.tsv' index 24 using 1:2:3:4 with vectors head filled size screen 0.012,20 lw 2.0 dt 1 lc rgb '#444444' notitle

unset multiplot
unset output
