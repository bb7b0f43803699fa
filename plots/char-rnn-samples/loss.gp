# Figure 'loss', written by rnnlab's Plotting module.
# Redraw it by hand in this folder:
#   gnuplot loss.gp                      draws loss.png
#   gnuplot -e "format='svg'" loss.gp    draws loss.svg (or 'pdf'; 'dumb' prints text)
# Data: loss.tsv, one block per series, chosen with 'index'.
# columns per block: 2 2 2 2
# rows per block: 16 16 1 5

if (!exists("format")) format = 'png'
if (!exists("outfile")) outfile = 'loss.' . format
if (format eq 'png') {
    set terminal pngcairo size 1200,720 enhanced font 'DejaVu Sans,12' linewidth 1.2 rounded
    set output outfile
}
if (format eq 'svg') {
    set terminal svg size 1200,720 fixed enhanced font 'DejaVu Sans, NanumGothic, Noto Sans CJK KR, sans-serif,12' linewidth 1.2 rounded background '#ffffff'
    set output outfile
}
if (format eq 'pdf') {
    set terminal pdfcairo size 12.0in,7.2in enhanced font 'DejaVu Sans,12' linewidth 1.2 rounded
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

set multiplot layout 1,1 title 'Character LSTM (H = 128) on the lab'."\047".'s sources and notebooks: bits per character while training' noenhanced font ',16'

# panel 1 of 1
reset
set border 3 lw 1 lc rgb '#444444'
set tics nomirror out
set grid xtics ytics back lw 1 lc rgb '#dddddd' dt 1
set key noenhanced opaque box lc rgb '#cccccc' samplen 2.5 Left reverse
set palette defined (0 '#440154', 1 '#482878', 2 '#3e4989', 3 '#31688e', 4 '#26828e', 5 '#1f9e89', 6 '#35b779', 7 '#6ece58', 8 '#b5de2b', 9 '#fde725')
set key top right
set xlabel 'iteration (parameter updates; vertical lines: samples)' noenhanced
set ylabel 'bits per character' noenhanced
set yrange [2.2870363605401813:7.824022081261546]
set arrow 1 from graph 0, first 7.451211111832329 to graph 1, first 7.451211111832329 nohead back lw 1.5 dt (8,6) lc rgb '#555555'
set label 1 'log₂ V = 7.45' at graph 0.01, first 7.451211111832329 offset 0,0.6 left noenhanced front tc rgb '#555555'
set arrow 2 from first 0.0, graph 0 to first 0.0, graph 1 nohead back lw 1.0 dt (2,5) lc rgb '#7f7f7f'
set arrow 3 from first 100.0, graph 0 to first 100.0, graph 1 nohead back lw 1.0 dt (2,5) lc rgb '#7f7f7f'
set arrow 4 from first 300.0, graph 0 to first 300.0, graph 1 nohead back lw 1.0 dt (2,5) lc rgb '#7f7f7f'
set arrow 5 from first 1000.0, graph 0 to first 1000.0, graph 1 nohead back lw 1.0 dt (2,5) lc rgb '#7f7f7f'
set arrow 6 from first 1500.0, graph 0 to first 1500.0, graph 1 nohead back lw 1.0 dt (2,5) lc rgb '#7f7f7f'
set label 2 '0' at first 0.0, first 2.508515789369036 noenhanced front
set label 3 '100' at first 100.0, first 2.508515789369036 noenhanced front
set label 4 '300' at first 300.0, first 2.508515789369036 noenhanced front
set label 5 '1000' at first 1000.0, first 2.508515789369036 noenhanced front
set label 6 '1500' at first 1500.0, first 2.508515789369036 noenhanced front
set title 'starts at log₂ V (a uniform guess over V = 175 symbols); samples drawn at the marked iterations' noenhanced font ',14'
plot 'loss.tsv' index 0 using 1:2 with linespoints pt 7 ps 0.8 lw 2.0 dt 1 lc rgb '#1f77b4' title 'training (mean over the minibatches since the last point)' noenhanced, \
     'loss.tsv' index 1 using 1:2 with linespoints pt 7 ps 0.8 lw 2.5 dt 1 lc rgb '#d62728' title 'held-out (9600 characters)' noenhanced, \
     'loss.tsv' index 2 using 1:2 with points pt 7 ps 2.0 lc rgb '#000000' title 'first minibatch: 7.45 bits = 5.165 nats (ln V = 5.165)' noenhanced, \
     'loss.tsv' index 3 using 1:2 with points pt 7 ps 2.5 lc rgb '#2ca02c' title 'a sample in samples.md' noenhanced

unset multiplot
unset output
