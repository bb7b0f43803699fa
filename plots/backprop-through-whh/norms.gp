# Figure 'norms', written by rnnlab's Plotting module.
# Redraw it by hand in this folder:
#   gnuplot norms.gp                      draws norms.png
#   gnuplot -e "format='svg'" norms.gp    draws norms.svg (or 'pdf'; 'dumb' prints text)
# Data: norms.tsv, one block per series, chosen with 'index'.
# columns per block: 2 2 2 2 2 2 2 2 2 2 2 2 2 2 2 2 2 2 2 2
# rows per block: 101 101 101 101 101 101 101 101 101 101 101 101 101 101 101 100 100 100 100 100

if (!exists("format")) format = 'png'
if (!exists("outfile")) outfile = 'norms.' . format
if (format eq 'png') {
    set terminal pngcairo size 1920,920 enhanced font 'DejaVu Sans,12' linewidth 1.2 rounded
    set output outfile
}
if (format eq 'svg') {
    set terminal svg size 1920,920 fixed enhanced font 'DejaVu Sans, NanumGothic, Noto Sans CJK KR, sans-serif,12' linewidth 1.2 rounded background '#ffffff'
    set output outfile
}
if (format eq 'pdf') {
    set terminal pdfcairo size 19.2in,9.2in enhanced font 'DejaVu Sans,12' linewidth 1.2 rounded
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

set multiplot layout 2,3 title 'Backpropagating through W_hh: ‖dh_k‖ against k' noenhanced font ',16'

# panel 1 of 6
reset
set border 3 lw 1 lc rgb '#444444'
set tics nomirror out
set grid xtics ytics back lw 1 lc rgb '#dddddd' dt 1
set key noenhanced opaque box lc rgb '#cccccc' samplen 2.5 Left reverse
set palette defined (0 '#440154', 1 '#482878', 2 '#3e4989', 3 '#31688e', 4 '#26828e', 5 '#1f9e89', 6 '#35b779', 7 '#6ece58', 8 '#b5de2b', 9 '#fde725')
set key bottom left
set xlabel 'backward steps k' noenhanced
set ylabel '‖dh_k‖ = ‖(W_hhᵀ)^k dh_0‖' noenhanced
set logscale y 10
set format y tenpower
set title 'σ_max = 0.9 < 1 (Gaussian, rescaled)' noenhanced font ',14'
plot 'norms.tsv' index 0 using 1:2 with lines lw 3.0 dt 1 lc rgb '#1f77b4' title 'measured ‖dh_k‖' noenhanced, \
     'norms.tsv' index 1 using 1:2 with lines lw 2.0 dt (8,6) lc rgb '#d62728' title 'σ_max^k = 0.9^k (the slide)' noenhanced, \
     'norms.tsv' index 2 using 1:2 with lines lw 2.5 dt (2,5) lc rgb '#2ca02c' title 'ρ^k = 0.5078^k (spectral radius)' noenhanced

# panel 2 of 6
reset
set border 3 lw 1 lc rgb '#444444'
set tics nomirror out
set grid xtics ytics back lw 1 lc rgb '#dddddd' dt 1
set key noenhanced opaque box lc rgb '#cccccc' samplen 2.5 Left reverse
set palette defined (0 '#440154', 1 '#482878', 2 '#3e4989', 3 '#31688e', 4 '#26828e', 5 '#1f9e89', 6 '#35b779', 7 '#6ece58', 8 '#b5de2b', 9 '#fde725')
set key bottom left
set xlabel 'backward steps k' noenhanced
set ylabel '‖dh_k‖ = ‖(W_hhᵀ)^k dh_0‖' noenhanced
set logscale y 10
set format y tenpower
set title 'σ_max = 1 (orthogonal)' noenhanced font ',14'
plot 'norms.tsv' index 3 using 1:2 with lines lw 3.0 dt 1 lc rgb '#1f77b4' title 'measured ‖dh_k‖' noenhanced, \
     'norms.tsv' index 4 using 1:2 with lines lw 2.0 dt (8,6) lc rgb '#d62728' title 'σ_max^k = 1^k (the slide)' noenhanced, \
     'norms.tsv' index 5 using 1:2 with lines lw 2.5 dt (2,5) lc rgb '#2ca02c' title 'ρ^k = 1^k (spectral radius)' noenhanced

# panel 3 of 6
reset
set border 3 lw 1 lc rgb '#444444'
set tics nomirror out
set grid xtics ytics back lw 1 lc rgb '#dddddd' dt 1
set key noenhanced opaque box lc rgb '#cccccc' samplen 2.5 Left reverse
set palette defined (0 '#440154', 1 '#482878', 2 '#3e4989', 3 '#31688e', 4 '#26828e', 5 '#1f9e89', 6 '#35b779', 7 '#6ece58', 8 '#b5de2b', 9 '#fde725')
set key top left
set xlabel 'backward steps k' noenhanced
set ylabel '‖dh_k‖ = ‖(W_hhᵀ)^k dh_0‖' noenhanced
set logscale y 10
set format y tenpower
set yrange [1.0:1e+54]
set title 'σ_max > 1, ρ > 1 (DLFS2 seed 3)' noenhanced font ',14'
plot 'norms.tsv' index 6 using 1:2 with lines lw 3.0 dt 1 lc rgb '#1f77b4' title 'measured ‖dh_k‖' noenhanced, \
     'norms.tsv' index 7 using 1:2 with lines lw 2.0 dt (8,6) lc rgb '#d62728' title 'σ_max^k = 2.659^k (the slide)' noenhanced, \
     'norms.tsv' index 8 using 1:2 with lines lw 2.5 dt (2,5) lc rgb '#2ca02c' title 'ρ^k = 1.255^k (spectral radius)' noenhanced

# panel 4 of 6
reset
set border 3 lw 1 lc rgb '#444444'
set tics nomirror out
set grid xtics ytics back lw 1 lc rgb '#dddddd' dt 1
set key noenhanced opaque box lc rgb '#cccccc' samplen 2.5 Left reverse
set palette defined (0 '#440154', 1 '#482878', 2 '#3e4989', 3 '#31688e', 4 '#26828e', 5 '#1f9e89', 6 '#35b779', 7 '#6ece58', 8 '#b5de2b', 9 '#fde725')
set key top left
set xlabel 'backward steps k' noenhanced
set ylabel '‖dh_k‖ = ‖(W_hhᵀ)^k dh_0‖' noenhanced
set logscale y 10
set format y tenpower
set yrange [1e-20:1e+21]
set title 'σ_max > 1, ρ < 1 (DLFS2 seed 3 × 0.5)' noenhanced font ',14'
plot 'norms.tsv' index 9 using 1:2 with lines lw 3.0 dt 1 lc rgb '#1f77b4' title 'measured ‖dh_k‖' noenhanced, \
     'norms.tsv' index 10 using 1:2 with lines lw 2.0 dt (8,6) lc rgb '#d62728' title 'σ_max^k = 1.33^k (the slide)' noenhanced, \
     'norms.tsv' index 11 using 1:2 with lines lw 2.5 dt (2,5) lc rgb '#2ca02c' title 'ρ^k = 0.6276^k (spectral radius)' noenhanced

# panel 5 of 6
reset
set border 3 lw 1 lc rgb '#444444'
set tics nomirror out
set grid xtics ytics back lw 1 lc rgb '#dddddd' dt 1
set key noenhanced opaque box lc rgb '#cccccc' samplen 2.5 Left reverse
set palette defined (0 '#440154', 1 '#482878', 2 '#3e4989', 3 '#31688e', 4 '#26828e', 5 '#1f9e89', 6 '#35b779', 7 '#6ece58', 8 '#b5de2b', 9 '#fde725')
set key top left
set xlabel 'backward steps k' noenhanced
set ylabel '‖dh_k‖ = ‖(W_hhᵀ)^k dh_0‖' noenhanced
set logscale y 10
set format y tenpower
set yrange [1e-14:1e+19]
set title 'σ_max > 1, ρ < 1 (Gaussian g = 0.7)' noenhanced font ',14'
plot 'norms.tsv' index 12 using 1:2 with lines lw 3.0 dt 1 lc rgb '#1f77b4' title 'measured ‖dh_k‖' noenhanced, \
     'norms.tsv' index 13 using 1:2 with lines lw 2.0 dt (8,6) lc rgb '#d62728' title 'σ_max^k = 1.302^k (the slide)' noenhanced, \
     'norms.tsv' index 14 using 1:2 with lines lw 2.5 dt (2,5) lc rgb '#2ca02c' title 'ρ^k = 0.7366^k (spectral radius)' noenhanced

# panel 6 of 6
reset
set border 3 lw 1 lc rgb '#444444'
set tics nomirror out
set grid xtics ytics back lw 1 lc rgb '#dddddd' dt 1
set key noenhanced opaque box lc rgb '#cccccc' samplen 2.5 Left reverse
set palette defined (0 '#440154', 1 '#482878', 2 '#3e4989', 3 '#31688e', 4 '#26828e', 5 '#1f9e89', 6 '#35b779', 7 '#6ece58', 8 '#b5de2b', 9 '#fde725')
set key top right
set xlabel 'backward steps k' noenhanced
set ylabel 'ratio per step' noenhanced
set arrow 1 from graph 0, first 1.0 to graph 1, first 1.0 nohead back lw 1.5 dt (8,6) lc rgb '#555555'
set label 1 'ratio 1' at graph 0.01, first 1.0 offset 0,0.6 left noenhanced front tc rgb '#555555'
set title 'per-step ratio ‖dh_k‖/‖dh_{k−1}‖ → ρ' noenhanced font ',14'
plot 'norms.tsv' index 15 using 1:2 with lines lw 2.0 dt 1 lc rgb '#1f77b4' title 'σ_max 0.9, ρ 0.5078' noenhanced, \
     'norms.tsv' index 16 using 1:2 with lines lw 2.0 dt 1 lc rgb '#ff7f0e' title 'σ_max 1, ρ 1' noenhanced, \
     'norms.tsv' index 17 using 1:2 with lines lw 2.0 dt 1 lc rgb '#2ca02c' title 'σ_max 2.659, ρ 1.255' noenhanced, \
     'norms.tsv' index 18 using 1:2 with lines lw 2.0 dt 1 lc rgb '#d62728' title 'σ_max 1.33, ρ 0.6276' noenhanced, \
     'norms.tsv' index 19 using 1:2 with lines lw 2.0 dt 1 lc rgb '#9467bd' title 'σ_max 1.302, ρ 0.7366' noenhanced

unset multiplot
unset output
