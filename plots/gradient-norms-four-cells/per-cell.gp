# Figure 'per-cell', written by rnnlab's Plotting module.
# Redraw it by hand in this folder:
#   gnuplot per-cell.gp                      draws per-cell.png
#   gnuplot -e "format='svg'" per-cell.gp    draws per-cell.svg (or 'pdf'; 'dumb' prints text)
# Data: per-cell.tsv, one block per series, chosen with 'index'.
# columns per block: 2 2 2 2 2 2 2 2 2 2 2 2 2 2 2 2 2 2 2 2 2 2 2 2 2 2 2 2 2 2 2 2 2 2 2 2 2 2 2 2 2 2 2 2 2 2 2 2
# rows per block: 200 200 200 200 200 200 200 200 200 200 200 200 200 200 200 200 200 200 200 200 200 200 200 200 200 200 200 200 200 200 200 200 200 200 200 200 200 200 200 200 200 200 200 200 200 200 200 200

if (!exists("format")) format = 'png'
if (!exists("outfile")) outfile = 'per-cell.' . format
if (format eq 'png') {
    set terminal pngcairo size 1520,1040 enhanced font 'DejaVu Sans,12' linewidth 1.2 rounded
    set output outfile
}
if (format eq 'svg') {
    set terminal svg size 1520,1040 fixed enhanced font 'DejaVu Sans, NanumGothic, Noto Sans CJK KR, sans-serif,12' linewidth 1.2 rounded background '#ffffff'
    set output outfile
}
if (format eq 'pdf') {
    set terminal pdfcairo size 15.2in,10.4in enhanced font 'DejaVu Sans,12' linewidth 1.2 rounded
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

set multiplot layout 2,2 title '‖∂L/∂h_t‖ per cell, every seed (gray) and their geometric mean' noenhanced font ',16'

# panel 1 of 4
reset
set border 3 lw 1 lc rgb '#444444'
set tics nomirror out
set grid xtics ytics back lw 1 lc rgb '#dddddd' dt 1
set key noenhanced opaque box lc rgb '#cccccc' samplen 2.5 Left reverse
set palette defined (0 '#440154', 1 '#482878', 2 '#3e4989', 3 '#31688e', 4 '#26828e', 5 '#1f9e89', 6 '#35b779', 7 '#6ece58', 8 '#b5de2b', 9 '#fde725')
set key top left
set xlabel 'time step t (loss at T = 200)' noenhanced
set ylabel '‖∂L/∂h_t‖ / ‖∂L/∂h_T‖' noenhanced
set logscale y 10
set format y tenpower
set xrange [1.0:200.0]
set yrange [1e-12:10000.0]
set arrow 1 from graph 0, first 1.0 to graph 1, first 1.0 nohead back lw 1.5 dt (8,6) lc rgb '#555555'
set title 'tanh, W_hh ~ N(0, g²/H), g = 1: vanishes, far below its bound' noenhanced font ',14'
plot 'per-cell.tsv' index 0 using 1:2 with lines lw 1.0 dt 1 lc rgb '#7f7f7f' title 'each of 10 seeds' noenhanced, \
     'per-cell.tsv' index 1 using 1:2 with lines lw 1.0 dt 1 lc rgb '#7f7f7f' notitle, \
     'per-cell.tsv' index 2 using 1:2 with lines lw 1.0 dt 1 lc rgb '#7f7f7f' notitle, \
     'per-cell.tsv' index 3 using 1:2 with lines lw 1.0 dt 1 lc rgb '#7f7f7f' notitle, \
     'per-cell.tsv' index 4 using 1:2 with lines lw 1.0 dt 1 lc rgb '#7f7f7f' notitle, \
     'per-cell.tsv' index 5 using 1:2 with lines lw 1.0 dt 1 lc rgb '#7f7f7f' notitle, \
     'per-cell.tsv' index 6 using 1:2 with lines lw 1.0 dt 1 lc rgb '#7f7f7f' notitle, \
     'per-cell.tsv' index 7 using 1:2 with lines lw 1.0 dt 1 lc rgb '#7f7f7f' notitle, \
     'per-cell.tsv' index 8 using 1:2 with lines lw 1.0 dt 1 lc rgb '#7f7f7f' notitle, \
     'per-cell.tsv' index 9 using 1:2 with lines lw 1.0 dt 1 lc rgb '#7f7f7f' notitle, \
     'per-cell.tsv' index 10 using 1:2 with lines lw 3.0 dt 1 lc rgb '#1f77b4' title 'mean of log ‖∂L/∂h_t‖' noenhanced, \
     'per-cell.tsv' index 11 using 1:2 with lines lw 2.0 dt (8,6) lc rgb '#d62728' title 'bound (γ σ_max)^(T−t), γ = 1, σ_max = 1.975' noenhanced

# panel 2 of 4
reset
set border 3 lw 1 lc rgb '#444444'
set tics nomirror out
set grid xtics ytics back lw 1 lc rgb '#dddddd' dt 1
set key noenhanced opaque box lc rgb '#cccccc' samplen 2.5 Left reverse
set palette defined (0 '#440154', 1 '#482878', 2 '#3e4989', 3 '#31688e', 4 '#26828e', 5 '#1f9e89', 6 '#35b779', 7 '#6ece58', 8 '#b5de2b', 9 '#fde725')
set key bottom right
set xlabel 'time step t (loss at T = 200)' noenhanced
set ylabel '‖∂L/∂h_t‖ / ‖∂L/∂h_T‖' noenhanced
set logscale y 10
set format y tenpower
set xrange [1.0:200.0]
set yrange [0.01:10.0]
set arrow 1 from graph 0, first 1.0 to graph 1, first 1.0 nohead back lw 1.5 dt (8,6) lc rgb '#555555'
set title 'IRNN, W_hh = I: every unit active, so ‖∂L/∂h_t‖ is kept' noenhanced font ',14'
plot 'per-cell.tsv' index 12 using 1:2 with lines lw 1.0 dt 1 lc rgb '#7f7f7f' title 'each of 10 seeds' noenhanced, \
     'per-cell.tsv' index 13 using 1:2 with lines lw 1.0 dt 1 lc rgb '#7f7f7f' notitle, \
     'per-cell.tsv' index 14 using 1:2 with lines lw 1.0 dt 1 lc rgb '#7f7f7f' notitle, \
     'per-cell.tsv' index 15 using 1:2 with lines lw 1.0 dt 1 lc rgb '#7f7f7f' notitle, \
     'per-cell.tsv' index 16 using 1:2 with lines lw 1.0 dt 1 lc rgb '#7f7f7f' notitle, \
     'per-cell.tsv' index 17 using 1:2 with lines lw 1.0 dt 1 lc rgb '#7f7f7f' notitle, \
     'per-cell.tsv' index 18 using 1:2 with lines lw 1.0 dt 1 lc rgb '#7f7f7f' notitle, \
     'per-cell.tsv' index 19 using 1:2 with lines lw 1.0 dt 1 lc rgb '#7f7f7f' notitle, \
     'per-cell.tsv' index 20 using 1:2 with lines lw 1.0 dt 1 lc rgb '#7f7f7f' notitle, \
     'per-cell.tsv' index 21 using 1:2 with lines lw 1.0 dt 1 lc rgb '#7f7f7f' notitle, \
     'per-cell.tsv' index 22 using 1:2 with lines lw 3.0 dt 1 lc rgb '#ff7f0e' title 'mean of log ‖∂L/∂h_t‖' noenhanced

# panel 3 of 4
reset
set border 3 lw 1 lc rgb '#444444'
set tics nomirror out
set grid xtics ytics back lw 1 lc rgb '#dddddd' dt 1
set key noenhanced opaque box lc rgb '#cccccc' samplen 2.5 Left reverse
set palette defined (0 '#440154', 1 '#482878', 2 '#3e4989', 3 '#31688e', 4 '#26828e', 5 '#1f9e89', 6 '#35b779', 7 '#6ece58', 8 '#b5de2b', 9 '#fde725')
set key top left
set xlabel 'time step t (loss at T = 200)' noenhanced
set ylabel '‖∂L/∂h_t‖ / ‖∂L/∂h_T‖' noenhanced
set logscale y 10
set format y tenpower
set xrange [1.0:200.0]
set yrange [1e-16:10.0]
set arrow 1 from graph 0, first 1.0 to graph 1, first 1.0 nohead back lw 1.5 dt (8,6) lc rgb '#555555'
set title 'LSTM, b_f = 1: slower than f alone, the path through W_h adds' noenhanced font ',14'
plot 'per-cell.tsv' index 23 using 1:2 with lines lw 1.0 dt 1 lc rgb '#7f7f7f' title 'each of 10 seeds' noenhanced, \
     'per-cell.tsv' index 24 using 1:2 with lines lw 1.0 dt 1 lc rgb '#7f7f7f' notitle, \
     'per-cell.tsv' index 25 using 1:2 with lines lw 1.0 dt 1 lc rgb '#7f7f7f' notitle, \
     'per-cell.tsv' index 26 using 1:2 with lines lw 1.0 dt 1 lc rgb '#7f7f7f' notitle, \
     'per-cell.tsv' index 27 using 1:2 with lines lw 1.0 dt 1 lc rgb '#7f7f7f' notitle, \
     'per-cell.tsv' index 28 using 1:2 with lines lw 1.0 dt 1 lc rgb '#7f7f7f' notitle, \
     'per-cell.tsv' index 29 using 1:2 with lines lw 1.0 dt 1 lc rgb '#7f7f7f' notitle, \
     'per-cell.tsv' index 30 using 1:2 with lines lw 1.0 dt 1 lc rgb '#7f7f7f' notitle, \
     'per-cell.tsv' index 31 using 1:2 with lines lw 1.0 dt 1 lc rgb '#7f7f7f' notitle, \
     'per-cell.tsv' index 32 using 1:2 with lines lw 1.0 dt 1 lc rgb '#7f7f7f' notitle, \
     'per-cell.tsv' index 33 using 1:2 with lines lw 3.0 dt 1 lc rgb '#2ca02c' title 'mean of log ‖∂L/∂h_t‖' noenhanced, \
     'per-cell.tsv' index 34 using 1:2 with lines lw 3.0 dt (2,5) lc rgb '#2ca02c' title 'mean of log ‖∂L/∂c_t‖ (cell path)' noenhanced, \
     'per-cell.tsv' index 35 using 1:2 with lines lw 2.0 dt (8,6) lc rgb '#d62728' title 'σ(b_f)^(T−t) = 0.7311^(T−t): f alone' noenhanced

# panel 4 of 4
reset
set border 3 lw 1 lc rgb '#444444'
set tics nomirror out
set grid xtics ytics back lw 1 lc rgb '#dddddd' dt 1
set key noenhanced opaque box lc rgb '#cccccc' samplen 2.5 Left reverse
set palette defined (0 '#440154', 1 '#482878', 2 '#3e4989', 3 '#31688e', 4 '#26828e', 5 '#1f9e89', 6 '#35b779', 7 '#6ece58', 8 '#b5de2b', 9 '#fde725')
set key top left
set xlabel 'time step t (loss at T = 200)' noenhanced
set ylabel '‖∂L/∂h_t‖ / ‖∂L/∂h_T‖' noenhanced
set logscale y 10
set format y tenpower
set xrange [1.0:200.0]
set yrange [1e-41:10.0]
set arrow 1 from graph 0, first 1.0 to graph 1, first 1.0 nohead back lw 1.5 dt (8,6) lc rgb '#555555'
set title 'GRU, PyTorch init: z ≈ ½ keeps only about half per step' noenhanced font ',14'
plot 'per-cell.tsv' index 36 using 1:2 with lines lw 1.0 dt 1 lc rgb '#7f7f7f' title 'each of 10 seeds' noenhanced, \
     'per-cell.tsv' index 37 using 1:2 with lines lw 1.0 dt 1 lc rgb '#7f7f7f' notitle, \
     'per-cell.tsv' index 38 using 1:2 with lines lw 1.0 dt 1 lc rgb '#7f7f7f' notitle, \
     'per-cell.tsv' index 39 using 1:2 with lines lw 1.0 dt 1 lc rgb '#7f7f7f' notitle, \
     'per-cell.tsv' index 40 using 1:2 with lines lw 1.0 dt 1 lc rgb '#7f7f7f' notitle, \
     'per-cell.tsv' index 41 using 1:2 with lines lw 1.0 dt 1 lc rgb '#7f7f7f' notitle, \
     'per-cell.tsv' index 42 using 1:2 with lines lw 1.0 dt 1 lc rgb '#7f7f7f' notitle, \
     'per-cell.tsv' index 43 using 1:2 with lines lw 1.0 dt 1 lc rgb '#7f7f7f' notitle, \
     'per-cell.tsv' index 44 using 1:2 with lines lw 1.0 dt 1 lc rgb '#7f7f7f' notitle, \
     'per-cell.tsv' index 45 using 1:2 with lines lw 1.0 dt 1 lc rgb '#7f7f7f' notitle, \
     'per-cell.tsv' index 46 using 1:2 with lines lw 3.0 dt 1 lc rgb '#9467bd' title 'mean of log ‖∂L/∂h_t‖' noenhanced, \
     'per-cell.tsv' index 47 using 1:2 with lines lw 2.0 dt (8,6) lc rgb '#d62728' title '(½)^(T−t): z ≈ σ(0) alone' noenhanced

unset multiplot
unset output
