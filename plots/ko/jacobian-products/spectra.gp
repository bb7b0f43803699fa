# Figure 'spectra', written by rnnlab's Plotting module.
# Redraw it by hand in this folder:
#   gnuplot spectra.gp                      draws spectra.png
#   gnuplot -e "format='svg'" spectra.gp    draws spectra.svg (or 'pdf'; 'dumb' prints text)
# Data: spectra.tsv, one block per series, chosen with 'index'.
# columns per block: 2 2 2 2 2 2 2 2 2 2 2 2 2 2 2 2 2 2 2 2 2 2 2 2 2 2 2 2 2 2 2 2 2 2 2
# rows per block: 200 200 200 200 188 135 84 200 200 200 200 188 135 84 200 200 200 200 176 110 63 200 200 200 200 200 200 200 200 200 200 200 200 200 200

if (!exists("format")) format = 'png'
if (!exists("outfile")) outfile = 'spectra.' . format
if (format eq 'png') {
    set terminal pngcairo size 2040,1040 enhanced font 'DejaVu Sans,12' linewidth 1.2 rounded
    set output outfile
}
if (format eq 'svg') {
    set terminal svg size 2040,1040 fixed enhanced font 'DejaVu Sans, NanumGothic, Noto Sans CJK KR, sans-serif,12' linewidth 1.2 rounded background '#ffffff'
    set output outfile
}
if (format eq 'pdf') {
    set terminal pdfcairo size 20.4in,10.4in enhanced font 'DejaVu Sans,12' linewidth 1.2 rounded
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

set multiplot layout 2,3 title '초기화 시점 ∂h_T/∂h_0 = Π_t diag(f′(a_t)) W_hh의 특이값 (H = 200), T마다 선 하나' noenhanced font ',16'

# panel 1 of 5
reset
set border 3 lw 1 lc rgb '#444444'
set tics nomirror out
set grid xtics ytics back lw 1 lc rgb '#dddddd' dt 1
set key noenhanced opaque box lc rgb '#cccccc' samplen 2.5 Left reverse
set palette defined (0 '#440154', 1 '#482878', 2 '#3e4989', 3 '#31688e', 4 '#26828e', 5 '#1f9e89', 6 '#35b779', 7 '#6ece58', 8 '#b5de2b', 9 '#fde725')
set key outside right top
set xlabel '인덱스 i (σ 내림차순)' noenhanced
set ylabel '∂h_T/∂h_0의 σ_i' noenhanced
set logscale y 10
set format y tenpower
set xrange [1.0:200.0]
set arrow 1 from graph 0, first 1.0 to graph 1, first 1.0 nohead back lw 1.5 dt (8,6) lc rgb '#555555'
set title 'tanh, 가우시안 g = 0.5'."\n".'σ_max(W_hh) = 0.9941, ρ(W_hh) = 0.5182' noenhanced font ',14'
plot 'spectra.tsv' index 0 using 1:2 with lines lw 2.5 dt 1 lc rgb '#1f77b4' title 'T = 1' noenhanced, \
     'spectra.tsv' index 1 using 1:2 with lines lw 2.5 dt 1 lc rgb '#ff7f0e' title 'T = 2' noenhanced, \
     'spectra.tsv' index 2 using 1:2 with lines lw 2.5 dt 1 lc rgb '#2ca02c' title 'T = 5' noenhanced, \
     'spectra.tsv' index 3 using 1:2 with lines lw 2.5 dt 1 lc rgb '#d62728' title 'T = 10' noenhanced, \
     'spectra.tsv' index 4 using 1:2 with lines lw 2.5 dt 1 lc rgb '#9467bd' title 'T = 20' noenhanced, \
     'spectra.tsv' index 5 using 1:2 with lines lw 2.5 dt 1 lc rgb '#8c564b' title 'T = 50' noenhanced, \
     'spectra.tsv' index 6 using 1:2 with lines lw 2.5 dt 1 lc rgb '#e377c2' title 'T = 100' noenhanced

# panel 2 of 5
reset
set border 3 lw 1 lc rgb '#444444'
set tics nomirror out
set grid xtics ytics back lw 1 lc rgb '#dddddd' dt 1
set key noenhanced opaque box lc rgb '#cccccc' samplen 2.5 Left reverse
set palette defined (0 '#440154', 1 '#482878', 2 '#3e4989', 3 '#31688e', 4 '#26828e', 5 '#1f9e89', 6 '#35b779', 7 '#6ece58', 8 '#b5de2b', 9 '#fde725')
set key outside right top
set xlabel '인덱스 i (σ 내림차순)' noenhanced
set ylabel '∂h_T/∂h_0의 σ_i' noenhanced
set logscale y 10
set format y tenpower
set xrange [1.0:200.0]
set arrow 1 from graph 0, first 1.0 to graph 1, first 1.0 nohead back lw 1.5 dt (8,6) lc rgb '#555555'
set title 'tanh, 가우시안 g = 1'."\n".'σ_max(W_hh) = 1.988, ρ(W_hh) = 1.036' noenhanced font ',14'
plot 'spectra.tsv' index 7 using 1:2 with lines lw 2.5 dt 1 lc rgb '#1f77b4' title 'T = 1' noenhanced, \
     'spectra.tsv' index 8 using 1:2 with lines lw 2.5 dt 1 lc rgb '#ff7f0e' title 'T = 2' noenhanced, \
     'spectra.tsv' index 9 using 1:2 with lines lw 2.5 dt 1 lc rgb '#2ca02c' title 'T = 5' noenhanced, \
     'spectra.tsv' index 10 using 1:2 with lines lw 2.5 dt 1 lc rgb '#d62728' title 'T = 10' noenhanced, \
     'spectra.tsv' index 11 using 1:2 with lines lw 2.5 dt 1 lc rgb '#9467bd' title 'T = 20' noenhanced, \
     'spectra.tsv' index 12 using 1:2 with lines lw 2.5 dt 1 lc rgb '#8c564b' title 'T = 50' noenhanced, \
     'spectra.tsv' index 13 using 1:2 with lines lw 2.5 dt 1 lc rgb '#e377c2' title 'T = 100' noenhanced

# panel 3 of 5
reset
set border 3 lw 1 lc rgb '#444444'
set tics nomirror out
set grid xtics ytics back lw 1 lc rgb '#dddddd' dt 1
set key noenhanced opaque box lc rgb '#cccccc' samplen 2.5 Left reverse
set palette defined (0 '#440154', 1 '#482878', 2 '#3e4989', 3 '#31688e', 4 '#26828e', 5 '#1f9e89', 6 '#35b779', 7 '#6ece58', 8 '#b5de2b', 9 '#fde725')
set key outside right top
set xlabel '인덱스 i (σ 내림차순)' noenhanced
set ylabel '∂h_T/∂h_0의 σ_i' noenhanced
set logscale y 10
set format y tenpower
set xrange [1.0:200.0]
set arrow 1 from graph 0, first 1.0 to graph 1, first 1.0 nohead back lw 1.5 dt (8,6) lc rgb '#555555'
set title 'tanh, 가우시안 g = 1.5'."\n".'σ_max(W_hh) = 2.982, ρ(W_hh) = 1.555' noenhanced font ',14'
plot 'spectra.tsv' index 14 using 1:2 with lines lw 2.5 dt 1 lc rgb '#1f77b4' title 'T = 1' noenhanced, \
     'spectra.tsv' index 15 using 1:2 with lines lw 2.5 dt 1 lc rgb '#ff7f0e' title 'T = 2' noenhanced, \
     'spectra.tsv' index 16 using 1:2 with lines lw 2.5 dt 1 lc rgb '#2ca02c' title 'T = 5' noenhanced, \
     'spectra.tsv' index 17 using 1:2 with lines lw 2.5 dt 1 lc rgb '#d62728' title 'T = 10' noenhanced, \
     'spectra.tsv' index 18 using 1:2 with lines lw 2.5 dt 1 lc rgb '#9467bd' title 'T = 20' noenhanced, \
     'spectra.tsv' index 19 using 1:2 with lines lw 2.5 dt 1 lc rgb '#8c564b' title 'T = 50' noenhanced, \
     'spectra.tsv' index 20 using 1:2 with lines lw 2.5 dt 1 lc rgb '#e377c2' title 'T = 100' noenhanced

# panel 4 of 5
reset
set border 3 lw 1 lc rgb '#444444'
set tics nomirror out
set grid xtics ytics back lw 1 lc rgb '#dddddd' dt 1
set key noenhanced opaque box lc rgb '#cccccc' samplen 2.5 Left reverse
set palette defined (0 '#440154', 1 '#482878', 2 '#3e4989', 3 '#31688e', 4 '#26828e', 5 '#1f9e89', 6 '#35b779', 7 '#6ece58', 8 '#b5de2b', 9 '#fde725')
set key outside right top
set xlabel '인덱스 i (σ 내림차순)' noenhanced
set ylabel '∂h_T/∂h_0의 σ_i' noenhanced
set logscale y 10
set format y tenpower
set xrange [1.0:200.0]
set arrow 1 from graph 0, first 1.0 to graph 1, first 1.0 nohead back lw 1.5 dt (8,6) lc rgb '#555555'
set title 'tanh, 직교'."\n".'σ_max(W_hh) = 1, ρ(W_hh) = 1' noenhanced font ',14'
plot 'spectra.tsv' index 21 using 1:2 with lines lw 2.5 dt 1 lc rgb '#1f77b4' title 'T = 1' noenhanced, \
     'spectra.tsv' index 22 using 1:2 with lines lw 2.5 dt 1 lc rgb '#ff7f0e' title 'T = 2' noenhanced, \
     'spectra.tsv' index 23 using 1:2 with lines lw 2.5 dt 1 lc rgb '#2ca02c' title 'T = 5' noenhanced, \
     'spectra.tsv' index 24 using 1:2 with lines lw 2.5 dt 1 lc rgb '#d62728' title 'T = 10' noenhanced, \
     'spectra.tsv' index 25 using 1:2 with lines lw 2.5 dt 1 lc rgb '#9467bd' title 'T = 20' noenhanced, \
     'spectra.tsv' index 26 using 1:2 with lines lw 2.5 dt 1 lc rgb '#8c564b' title 'T = 50' noenhanced, \
     'spectra.tsv' index 27 using 1:2 with lines lw 2.5 dt 1 lc rgb '#e377c2' title 'T = 100' noenhanced

# panel 5 of 5
reset
set border 3 lw 1 lc rgb '#444444'
set tics nomirror out
set grid xtics ytics back lw 1 lc rgb '#dddddd' dt 1
set key noenhanced opaque box lc rgb '#cccccc' samplen 2.5 Left reverse
set palette defined (0 '#440154', 1 '#482878', 2 '#3e4989', 3 '#31688e', 4 '#26828e', 5 '#1f9e89', 6 '#35b779', 7 '#6ece58', 8 '#b5de2b', 9 '#fde725')
set key outside right top
set xlabel '인덱스 i (σ 내림차순)' noenhanced
set ylabel '∂h_T/∂h_0의 σ_i' noenhanced
set xrange [1.0:200.0]
set yrange [-0.05:1.15]
set title 'IRNN (ReLU, W_hh = I): 모든 σ가 정확히 0 또는 1'."\n".'T가 커지면서 #(σ = 1): 94 → 14' noenhanced font ',14'
plot 'spectra.tsv' index 28 using 1:2 with lines lw 2.5 dt 1 lc rgb '#1f77b4' title 'T = 1' noenhanced, \
     'spectra.tsv' index 29 using 1:2 with lines lw 2.5 dt 1 lc rgb '#ff7f0e' title 'T = 2' noenhanced, \
     'spectra.tsv' index 30 using 1:2 with lines lw 2.5 dt 1 lc rgb '#2ca02c' title 'T = 5' noenhanced, \
     'spectra.tsv' index 31 using 1:2 with lines lw 2.5 dt 1 lc rgb '#d62728' title 'T = 10' noenhanced, \
     'spectra.tsv' index 32 using 1:2 with lines lw 2.5 dt 1 lc rgb '#9467bd' title 'T = 20' noenhanced, \
     'spectra.tsv' index 33 using 1:2 with lines lw 2.5 dt 1 lc rgb '#8c564b' title 'T = 50' noenhanced, \
     'spectra.tsv' index 34 using 1:2 with lines lw 2.5 dt 1 lc rgb '#e377c2' title 'T = 100' noenhanced

unset multiplot
unset output
