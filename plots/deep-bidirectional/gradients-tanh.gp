# Figure 'gradients-tanh', written by rnnlab's Plotting module.
# Redraw it by hand in this folder:
#   gnuplot gradients-tanh.gp                      draws gradients-tanh.png
#   gnuplot -e "format='svg'" gradients-tanh.gp    draws gradients-tanh.svg (or 'pdf'; 'dumb' prints text)
# Data: gradients-tanh.tsv, one block per series, chosen with 'index'.
# columns per block: 2 2 2 2 2 2 2 2 2 2 2 2
# rows per block: 50 50 50 50 50 50 50 50 50 50 50 50

if (!exists("format")) format = 'png'
if (!exists("outfile")) outfile = 'gradients-tanh.' . format
if (format eq 'png') {
    set terminal pngcairo size 1860,1000 enhanced font 'DejaVu Sans,12' linewidth 1.2 rounded
    set output outfile
}
if (format eq 'svg') {
    set terminal svg size 1860,1000 fixed enhanced font 'DejaVu Sans, NanumGothic, Noto Sans CJK KR, sans-serif,12' linewidth 1.2 rounded background '#ffffff'
    set output outfile
}
if (format eq 'pdf') {
    set terminal pdfcairo size 18.6in,10.0in enhanced font 'DejaVu Sans,12' linewidth 1.2 rounded
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

set multiplot layout 2,3 title 'tanh RNN at initialisation (H = 64, mean of 5 seeds): the gradient fades going down the layers and back in time' noenhanced font ',16'

# panel 1 of 5
reset
set border 3 lw 1 lc rgb '#444444'
set tics nomirror out
set grid xtics ytics back lw 1 lc rgb '#dddddd' dt 1
set key noenhanced opaque box lc rgb '#cccccc' samplen 2.5 Left reverse
set palette defined (0 '#440154', 1 '#482878', 2 '#3e4989', 3 '#31688e', 4 '#26828e', 5 '#1f9e89', 6 '#35b779', 7 '#6ece58', 8 '#b5de2b', 9 '#fde725')
set key bottom right
set xlabel 'time step t (loss at t = T = 50)' noenhanced
set ylabel '‖∂L/∂h_t‖ in layer ℓ' noenhanced
set logscale y 10
set format y tenpower
set xrange [1.0:50.0]
set yrange [1e-14:199.52623149688787]
set title '1 stacked layer' noenhanced font ',14'
plot 'gradients-tanh.tsv' index 0 using 1:2 with lines lw 2.5 dt 1 lc rgb '#365f8b' title 'layer 1 (top: the loss)' noenhanced

# panel 2 of 5
reset
set border 3 lw 1 lc rgb '#444444'
set tics nomirror out
set grid xtics ytics back lw 1 lc rgb '#dddddd' dt 1
set key noenhanced opaque box lc rgb '#cccccc' samplen 2.5 Left reverse
set palette defined (0 '#440154', 1 '#482878', 2 '#3e4989', 3 '#31688e', 4 '#26828e', 5 '#1f9e89', 6 '#35b779', 7 '#6ece58', 8 '#b5de2b', 9 '#fde725')
set key bottom right
set xlabel 'time step t (loss at t = T = 50)' noenhanced
set ylabel '‖∂L/∂h_t‖ in layer ℓ' noenhanced
set logscale y 10
set format y tenpower
set xrange [1.0:50.0]
set yrange [1e-14:199.52623149688787]
set title '2 stacked layers' noenhanced font ',14'
plot 'gradients-tanh.tsv' index 1 using 1:2 with lines lw 2.5 dt 1 lc rgb '#440154' title 'layer 1 (reads x)' noenhanced, \
     'gradients-tanh.tsv' index 2 using 1:2 with lines lw 2.5 dt 1 lc rgb '#9ed54a' title 'layer 2 (top: the loss)' noenhanced

# panel 3 of 5
reset
set border 3 lw 1 lc rgb '#444444'
set tics nomirror out
set grid xtics ytics back lw 1 lc rgb '#dddddd' dt 1
set key noenhanced opaque box lc rgb '#cccccc' samplen 2.5 Left reverse
set palette defined (0 '#440154', 1 '#482878', 2 '#3e4989', 3 '#31688e', 4 '#26828e', 5 '#1f9e89', 6 '#35b779', 7 '#6ece58', 8 '#b5de2b', 9 '#fde725')
set key bottom right
set xlabel 'time step t (loss at t = T = 50)' noenhanced
set ylabel '‖∂L/∂h_t‖ in layer ℓ' noenhanced
set logscale y 10
set format y tenpower
set xrange [1.0:50.0]
set yrange [1e-14:199.52623149688787]
set title '3 stacked layers' noenhanced font ',14'
plot 'gradients-tanh.tsv' index 3 using 1:2 with lines lw 2.5 dt 1 lc rgb '#440154' title 'layer 1 (reads x)' noenhanced, \
     'gradients-tanh.tsv' index 4 using 1:2 with lines lw 2.5 dt 1 lc rgb '#297e8c' title 'layer 2' noenhanced, \
     'gradients-tanh.tsv' index 5 using 1:2 with lines lw 2.5 dt 1 lc rgb '#9ed54a' title 'layer 3 (top: the loss)' noenhanced

# panel 4 of 5
reset
set border 3 lw 1 lc rgb '#444444'
set tics nomirror out
set grid xtics ytics back lw 1 lc rgb '#dddddd' dt 1
set key noenhanced opaque box lc rgb '#cccccc' samplen 2.5 Left reverse
set palette defined (0 '#440154', 1 '#482878', 2 '#3e4989', 3 '#31688e', 4 '#26828e', 5 '#1f9e89', 6 '#35b779', 7 '#6ece58', 8 '#b5de2b', 9 '#fde725')
set key bottom right
set xlabel 'time step t (loss at t = T = 50)' noenhanced
set ylabel '‖∂L/∂h_t‖ in layer ℓ' noenhanced
set logscale y 10
set format y tenpower
set xrange [1.0:50.0]
set yrange [1e-14:199.52623149688787]
set title '4 stacked layers' noenhanced font ',14'
plot 'gradients-tanh.tsv' index 6 using 1:2 with lines lw 2.5 dt 1 lc rgb '#440154' title 'layer 1 (reads x)' noenhanced, \
     'gradients-tanh.tsv' index 7 using 1:2 with lines lw 2.5 dt 1 lc rgb '#385a8b' title 'layer 2' noenhanced, \
     'gradients-tanh.tsv' index 8 using 1:2 with lines lw 2.5 dt 1 lc rgb '#31a081' title 'layer 3' noenhanced, \
     'gradients-tanh.tsv' index 9 using 1:2 with lines lw 2.5 dt 1 lc rgb '#9ed54a' title 'layer 4 (top: the loss)' noenhanced

# panel 5 of 5
reset
set border 3 lw 1 lc rgb '#444444'
set tics nomirror out
set grid xtics ytics back lw 1 lc rgb '#dddddd' dt 1
set key noenhanced opaque box lc rgb '#cccccc' samplen 2.5 Left reverse
set palette defined (0 '#440154', 1 '#482878', 2 '#3e4989', 3 '#31688e', 4 '#26828e', 5 '#1f9e89', 6 '#35b779', 7 '#6ece58', 8 '#b5de2b', 9 '#fde725')
set key top right
set xlabel 'time step t' noenhanced
set ylabel '‖∂L/∂h_t‖' noenhanced
set logscale y 10
set format y tenpower
set xrange [1.0:50.0]
set yrange [1e-14:199.52623149688787]
set title 'one bidirectional layer: each direction decays away from its own end' noenhanced font ',14'
plot 'gradients-tanh.tsv' index 10 using 1:2 with lines lw 2.5 dt 1 lc rgb '#1f77b4' title 'forward direction h→_t (loss on h→_T)' noenhanced, \
     'gradients-tanh.tsv' index 11 using 1:2 with lines lw 2.5 dt 1 lc rgb '#ff7f0e' title 'backward direction h←_t (loss on h←_1)' noenhanced

unset multiplot
unset output
