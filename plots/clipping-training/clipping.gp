# Figure 'clipping', written by rnnlab's Plotting module.
# Redraw it by hand in this folder:
#   gnuplot clipping.gp                      draws clipping.png
#   gnuplot -e "format='svg'" clipping.gp    draws clipping.svg (or 'pdf'; 'dumb' prints text)
# Data: clipping.tsv, one block per series, chosen with 'index'.
# columns per block: 2 2 2 2 2 2 2 2 2 2 2 2 2 2 2 2 2 2 2 2 2 2 2 2
# rows per block: 173 1000 1000 1000 2 1 173 1000 1000 1000 1000 1000 1000 1000 1000 1000 174 174 1001 1001 1001 1001 1001 1001

if (!exists("format")) format = 'png'
if (!exists("outfile")) outfile = 'clipping.' . format
if (format eq 'png') {
    set terminal pngcairo size 1520,1600 enhanced font 'DejaVu Sans,12' linewidth 1.2 rounded
    set output outfile
}
if (format eq 'svg') {
    set terminal svg size 1520,1600 fixed enhanced font 'DejaVu Sans, NanumGothic, Noto Sans CJK KR, sans-serif,12' linewidth 1.2 rounded background '#ffffff'
    set output outfile
}
if (format eq 'pdf') {
    set terminal pdfcairo size 15.2in,16.0in enhanced font 'DejaVu Sans,12' linewidth 1.2 rounded
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

set multiplot layout 3,2 title 'tanh RNN, adding problem T = 50, H = 50, SGD η = 0.1, same weights and data: four clipping rules' noenhanced font ',16'

# panel 1 of 5
reset
set border 3 lw 1 lc rgb '#444444'
set tics nomirror out
set grid xtics ytics back lw 1 lc rgb '#dddddd' dt 1
set key noenhanced opaque box lc rgb '#cccccc' samplen 2.5 Left reverse
set palette defined (0 '#440154', 1 '#482878', 2 '#3e4989', 3 '#31688e', 4 '#26828e', 5 '#1f9e89', 6 '#35b779', 7 '#6ece58', 8 '#b5de2b', 9 '#fde725')
set key bottom left
set xlabel 'SGD update k' noenhanced
set ylabel 'MSE' noenhanced
set logscale y 10
set format y tenpower
set yrange [0.0019404924756210177:1000.0]
set arrow 1 from graph 0, first 0.16666666666666666 to graph 1, first 0.16666666666666666 nohead back lw 1.5 dt (8,6) lc rgb '#555555'
set title 'training loss (mean of 20 minibatches; axis cut at 1000)' noenhanced font ',14'
plot 'clipping.tsv' index 0 using 1:2 with lines lw 3.0 dt 1 lc rgb '#d62728' title 'no clipping: diverged at update 173' noenhanced, \
     'clipping.tsv' index 1 using 1:2 with lines lw 2.0 dt 1 lc rgb '#1f77b4' title 'norm clipping: final 0.1916' noenhanced, \
     'clipping.tsv' index 2 using 1:2 with lines lw 2.0 dt 1 lc rgb '#2ca02c' title 'value clipping: final 197.1' noenhanced, \
     'clipping.tsv' index 3 using 1:2 with lines lw 2.0 dt 1 lc rgb '#9467bd' title 'squared-norm (slide): final 0.17' noenhanced, \
     'clipping.tsv' index 4 using 1:2 with lines lw 1.5 dt (8,6) lc rgb '#555555' title 'dashed: predict 1, MSE 1/6' noenhanced, \
     'clipping.tsv' index 5 using 1:2 with points pt 7 ps 3.0 lc rgb '#d62728' notitle

# panel 2 of 5
reset
set border 3 lw 1 lc rgb '#444444'
set tics nomirror out
set grid xtics ytics back lw 1 lc rgb '#dddddd' dt 1
set key noenhanced opaque box lc rgb '#cccccc' samplen 2.5 Left reverse
set palette defined (0 '#440154', 1 '#482878', 2 '#3e4989', 3 '#31688e', 4 '#26828e', 5 '#1f9e89', 6 '#35b779', 7 '#6ece58', 8 '#b5de2b', 9 '#fde725')
set key bottom left
set xlabel 'SGD update k' noenhanced
set ylabel '‖g‖ (all parameters)' noenhanced
set logscale y 10
set format y tenpower
set yrange [3.2030289319544538e-06:1000000000000.0]
set arrow 1 from graph 0, first 1.0 to graph 1, first 1.0 nohead back lw 1.5 dt (8,6) lc rgb '#555555'
set title 'gradient norm ‖g‖ before clipping (dashed: τ = 1; axis cut at 10^12)' noenhanced font ',14'
plot 'clipping.tsv' index 6 using 1:2 with lines lw 1.2 dt 1 lc rgb '#d62728' title 'no clipping' noenhanced, \
     'clipping.tsv' index 7 using 1:2 with lines lw 1.2 dt 1 lc rgb '#1f77b4' title 'norm clipping' noenhanced, \
     'clipping.tsv' index 8 using 1:2 with lines lw 1.2 dt 1 lc rgb '#2ca02c' title 'value clipping' noenhanced, \
     'clipping.tsv' index 9 using 1:2 with lines lw 1.2 dt 1 lc rgb '#9467bd' title 'squared-norm (slide)' noenhanced

# panel 3 of 5
reset
set border 3 lw 1 lc rgb '#444444'
set tics nomirror out
set grid xtics ytics back lw 1 lc rgb '#dddddd' dt 1
set key noenhanced opaque box lc rgb '#cccccc' samplen 2.5 Left reverse
set palette defined (0 '#440154', 1 '#482878', 2 '#3e4989', 3 '#31688e', 4 '#26828e', 5 '#1f9e89', 6 '#35b779', 7 '#6ece58', 8 '#b5de2b', 9 '#fde725')
set key bottom left
set xlabel 'SGD update k' noenhanced
set ylabel '‖g‖ after clipping' noenhanced
set logscale y 10
set format y tenpower
set yrange [0.004917193167388226:583.7650076918292]
set arrow 1 from graph 0, first 1.0 to graph 1, first 1.0 nohead back lw 1.5 dt (8,6) lc rgb '#555555'
set label 1 'τ = 1' at graph 0.01, first 1.0 offset 0,0.6 left noenhanced front tc rgb '#555555'
set title '‖g‖ after clipping: the step SGD takes is η times this' noenhanced font ',14'
plot 'clipping.tsv' index 10 using 1:2 with lines lw 1.2 dt 1 lc rgb '#1f77b4' title 'norm clipping' noenhanced, \
     'clipping.tsv' index 11 using 1:2 with lines lw 1.2 dt 1 lc rgb '#2ca02c' title 'value clipping' noenhanced, \
     'clipping.tsv' index 12 using 1:2 with lines lw 1.2 dt 1 lc rgb '#9467bd' title 'squared-norm (slide)' noenhanced

# panel 4 of 5
reset
set border 3 lw 1 lc rgb '#444444'
set tics nomirror out
set grid xtics ytics back lw 1 lc rgb '#dddddd' dt 1
set key noenhanced opaque box lc rgb '#cccccc' samplen 2.5 Left reverse
set palette defined (0 '#440154', 1 '#482878', 2 '#3e4989', 3 '#31688e', 4 '#26828e', 5 '#1f9e89', 6 '#35b779', 7 '#6ece58', 8 '#b5de2b', 9 '#fde725')
set key bottom right
set xlabel 'SGD update k' noenhanced
set ylabel 'share of clipped updates' noenhanced
set yrange [0.0:1.05]
set title 'share of updates so far where the rule fired' noenhanced font ',14'
plot 'clipping.tsv' index 13 using 1:2 with lines lw 2.5 dt 1 lc rgb '#1f77b4' title 'norm clipping: 77.2 %' noenhanced, \
     'clipping.tsv' index 14 using 1:2 with lines lw 2.5 dt 1 lc rgb '#2ca02c' title 'value clipping: 99.1 %' noenhanced, \
     'clipping.tsv' index 15 using 1:2 with lines lw 2.5 dt 1 lc rgb '#9467bd' title 'squared-norm (slide): 72.7 %' noenhanced

# panel 5 of 5
reset
set border 3 lw 1 lc rgb '#444444'
set tics nomirror out
set grid xtics ytics back lw 1 lc rgb '#dddddd' dt 1
set key noenhanced opaque box lc rgb '#cccccc' samplen 2.5 Left reverse
set palette defined (0 '#440154', 1 '#482878', 2 '#3e4989', 3 '#31688e', 4 '#26828e', 5 '#1f9e89', 6 '#35b779', 7 '#6ece58', 8 '#b5de2b', 9 '#fde725')
set key top right
set xlabel 'SGD update k' noenhanced
set ylabel 'ρ(W_hh), σ_max(W_hh)' noenhanced
set logscale y 10
set format y tenpower
set yrange [0.5:1000.0]
set arrow 1 from graph 0, first 1.0 to graph 1, first 1.0 nohead back lw 1.5 dt (8,6) lc rgb '#555555'
set label 1 '1' at graph 0.01, first 1.0 offset 0,0.6 left noenhanced front tc rgb '#555555'
set title 'W_hh at every update: ρ (solid), σ_max (dashed); axis cut at 1000' noenhanced font ',14'
plot 'clipping.tsv' index 16 using 1:2 with lines lw 2.0 dt 1 lc rgb '#d62728' title 'ρ, no clipping' noenhanced, \
     'clipping.tsv' index 17 using 1:2 with lines lw 1.2 dt (8,6) lc rgb '#d62728' notitle, \
     'clipping.tsv' index 18 using 1:2 with lines lw 2.0 dt 1 lc rgb '#1f77b4' title 'ρ, norm clipping' noenhanced, \
     'clipping.tsv' index 19 using 1:2 with lines lw 1.2 dt (8,6) lc rgb '#1f77b4' notitle, \
     'clipping.tsv' index 20 using 1:2 with lines lw 2.0 dt 1 lc rgb '#2ca02c' title 'ρ, value clipping' noenhanced, \
     'clipping.tsv' index 21 using 1:2 with lines lw 1.2 dt (8,6) lc rgb '#2ca02c' notitle, \
     'clipping.tsv' index 22 using 1:2 with lines lw 2.0 dt 1 lc rgb '#9467bd' title 'ρ, squared-norm (slide)' noenhanced, \
     'clipping.tsv' index 23 using 1:2 with lines lw 1.2 dt (8,6) lc rgb '#9467bd' notitle

unset multiplot
unset output
