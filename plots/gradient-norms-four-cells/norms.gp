# Figure 'norms', written by rnnlab's Plotting module.
# Redraw it by hand in this folder:
#   gnuplot norms.gp                      draws norms.png
#   gnuplot -e "format='svg'" norms.gp    draws norms.svg (or 'pdf'; 'dumb' prints text)
# Data: norms.tsv, one block per series, chosen with 'index'.
# columns per block: 3 2 3 2 3 2 3 2 3 2 2
# rows per block: 200 200 200 200 200 200 200 200 200 200 200

if (!exists("format")) format = 'png'
if (!exists("outfile")) outfile = 'norms.' . format
if (format eq 'png') {
    set terminal pngcairo size 1300,820 enhanced font 'DejaVu Sans,12' linewidth 1.2 rounded
    set output outfile
}
if (format eq 'svg') {
    set terminal svg size 1300,820 fixed enhanced font 'DejaVu Sans, NanumGothic, Noto Sans CJK KR, sans-serif,12' linewidth 1.2 rounded background '#ffffff'
    set output outfile
}
if (format eq 'pdf') {
    set terminal pdfcairo size 13.0in,8.2in enhanced font 'DejaVu Sans,12' linewidth 1.2 rounded
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

set multiplot layout 1,1 title 'How much of the gradient at step T reaches step t, at initialisation (H = 128)' noenhanced font ',16'

# panel 1 of 1
reset
set border 3 lw 1 lc rgb '#444444'
set tics nomirror out
set grid xtics ytics back lw 1 lc rgb '#dddddd' dt 1
set key noenhanced opaque box lc rgb '#cccccc' samplen 2.5 Left reverse
set palette defined (0 '#440154', 1 '#482878', 2 '#3e4989', 3 '#31688e', 4 '#26828e', 5 '#1f9e89', 6 '#35b779', 7 '#6ece58', 8 '#b5de2b', 9 '#fde725')
set key bottom right
set xlabel 'time step t (the gradient flows right to left, from the loss at T)' noenhanced
set ylabel '‖∂L/∂h_t‖ / ‖∂L/∂h_T‖' noenhanced
set logscale y 10
set format y tenpower
set xrange [1.0:200.0]
set yrange [1e-41:100000000000.0]
set arrow 1 from graph 0, first 1.0 to graph 1, first 1.0 nohead back lw 1.5 dt (8,6) lc rgb '#555555'
set label 1 '‖∂L/∂h_t‖ = ‖∂L/∂h_T‖' at graph 0.01, first 1.0 offset 0,0.6 left noenhanced front tc rgb '#555555'
set label 2 'red dashed: the bound (γ σ_max)^(T−t) reaches 10^59 at t = 1' at first 8.0, first 6918309.709189363 noenhanced front
set title 'mean over 10 seeds (line) and min–max over seeds (band); loss at t = T = 200' noenhanced font ',14'
plot 'norms.tsv' index 0 using 1:2:3 with filledcurves lc rgb '#1f77b4' fs transparent solid 0.2 noborder notitle, \
     'norms.tsv' index 1 using 1:2 with lines lw 3.0 dt 1 lc rgb '#1f77b4' title 'tanh: ‖∂L/∂h_t‖ (factor 0.9201 per step)' noenhanced, \
     'norms.tsv' index 2 using 1:2:3 with filledcurves lc rgb '#ff7f0e' fs transparent solid 0.2 noborder notitle, \
     'norms.tsv' index 3 using 1:2 with lines lw 3.0 dt 1 lc rgb '#ff7f0e' title 'IRNN: ‖∂L/∂h_t‖ (factor 0.9999 per step)' noenhanced, \
     'norms.tsv' index 4 using 1:2:3 with filledcurves lc rgb '#2ca02c' fs transparent solid 0.2 noborder notitle, \
     'norms.tsv' index 5 using 1:2 with lines lw 3.0 dt 1 lc rgb '#2ca02c' title 'LSTM: ‖∂L/∂h_t‖ (factor 0.8519 per step)' noenhanced, \
     'norms.tsv' index 6 using 1:2:3 with filledcurves lc rgb '#2ca02c' fs transparent solid 0.12 noborder notitle, \
     'norms.tsv' index 7 using 1:2 with lines lw 3.0 dt (2,5) lc rgb '#2ca02c' title 'LSTM: ‖∂L/∂c_t‖ (cell path)' noenhanced, \
     'norms.tsv' index 8 using 1:2:3 with filledcurves lc rgb '#9467bd' fs transparent solid 0.2 noborder notitle, \
     'norms.tsv' index 9 using 1:2 with lines lw 3.0 dt 1 lc rgb '#9467bd' title 'GRU: ‖∂L/∂h_t‖ (factor 0.639 per step)' noenhanced, \
     'norms.tsv' index 10 using 1:2 with lines lw 2.0 dt (8,6) lc rgb '#d62728' title 'tanh bound (γ σ_max)^(T−t), σ_max = 1.975' noenhanced

unset multiplot
unset output
