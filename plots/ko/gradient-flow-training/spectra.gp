# Figure 'spectra', written by rnnlab's Plotting module.
# Redraw it by hand in this folder:
#   gnuplot spectra.gp                      draws spectra.png
#   gnuplot -e "format='svg'" spectra.gp    draws spectra.svg (or 'pdf'; 'dumb' prints text)
# Data: spectra.tsv, one block per series, chosen with 'index'.
# columns per block: 2 2 2 2 2 2 2 2 2 2 2 2 2 2 2 2 2 2 2 2 2 2 2 2 2 2 2 2 2 2 2 2 2 2 2 2 2 2 2 2 2 2 2 2 2 2 2 2 2 2 2 2 2 2 2 2 2 2 2 2 2 2 2 2 2 2 2 2 2 2 2 2 2 2
# rows per block: 32 32 32 32 32 32 32 32 32 32 32 32 32 32 32 32 32 32 32 32 32 32 32 32 32 32 32 32 32 32 32 32 32 32 32 32 32 32 32 32 32 32 32 32 32 32 32 32 32 32 32 32 32 32 32 32 32 32 32 32 32 32 32 32 32 32 32 32 32 32 32 32 32 32

if (!exists("format")) format = 'png'
if (!exists("outfile")) outfile = 'spectra.' . format
if (format eq 'png') {
    set terminal pngcairo size 1720,580 enhanced font 'DejaVu Sans,12' linewidth 1.2 rounded
    set output outfile
}
if (format eq 'svg') {
    set terminal svg size 1720,580 fixed enhanced font 'DejaVu Sans, NanumGothic, Noto Sans CJK KR, sans-serif,12' linewidth 1.2 rounded background '#ffffff'
    set output outfile
}
if (format eq 'pdf') {
    set terminal pdfcairo size 17.2in,5.8in enhanced font 'DejaVu Sans,12' linewidth 1.2 rounded
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

set multiplot layout 1,2 title '학습 중 순환 가중치: 업데이트에 따른 특이값' noenhanced font ',16'

# panel 1 of 2
reset
set border 3 lw 1 lc rgb '#444444'
set tics nomirror out
set grid xtics ytics back lw 1 lc rgb '#dddddd' dt 1
set key noenhanced opaque box lc rgb '#cccccc' samplen 2.5 Left reverse
set palette defined (0 '#440154', 1 '#482878', 2 '#3e4989', 3 '#31688e', 4 '#26828e', 5 '#1f9e89', 6 '#35b779', 7 '#6ece58', 8 '#b5de2b', 9 '#fde725')
set key outside right top
set xlabel '업데이트' noenhanced
set ylabel '특이값 σ' noenhanced
set logscale y 10
set format y tenpower
set arrow 1 from graph 0, first 1.0 to graph 1, first 1.0 nohead back lw 1.5 dt (8,6) lc rgb '#555555'
set title 'tanh RNN: W_hh의 특이값' noenhanced font ',14'
plot 'spectra.tsv' index 0 using 1:2 with lines lw 0.8 dt 1 lc rgb '#7f7f7f' title '모든 σ_i(W_hh)' noenhanced, \
     'spectra.tsv' index 1 using 1:2 with lines lw 0.8 dt 1 lc rgb '#7f7f7f' notitle, \
     'spectra.tsv' index 2 using 1:2 with lines lw 0.8 dt 1 lc rgb '#7f7f7f' notitle, \
     'spectra.tsv' index 3 using 1:2 with lines lw 0.8 dt 1 lc rgb '#7f7f7f' notitle, \
     'spectra.tsv' index 4 using 1:2 with lines lw 0.8 dt 1 lc rgb '#7f7f7f' notitle, \
     'spectra.tsv' index 5 using 1:2 with lines lw 0.8 dt 1 lc rgb '#7f7f7f' notitle, \
     'spectra.tsv' index 6 using 1:2 with lines lw 0.8 dt 1 lc rgb '#7f7f7f' notitle, \
     'spectra.tsv' index 7 using 1:2 with lines lw 0.8 dt 1 lc rgb '#7f7f7f' notitle, \
     'spectra.tsv' index 8 using 1:2 with lines lw 0.8 dt 1 lc rgb '#7f7f7f' notitle, \
     'spectra.tsv' index 9 using 1:2 with lines lw 0.8 dt 1 lc rgb '#7f7f7f' notitle, \
     'spectra.tsv' index 10 using 1:2 with lines lw 0.8 dt 1 lc rgb '#7f7f7f' notitle, \
     'spectra.tsv' index 11 using 1:2 with lines lw 0.8 dt 1 lc rgb '#7f7f7f' notitle, \
     'spectra.tsv' index 12 using 1:2 with lines lw 0.8 dt 1 lc rgb '#7f7f7f' notitle, \
     'spectra.tsv' index 13 using 1:2 with lines lw 0.8 dt 1 lc rgb '#7f7f7f' notitle, \
     'spectra.tsv' index 14 using 1:2 with lines lw 0.8 dt 1 lc rgb '#7f7f7f' notitle, \
     'spectra.tsv' index 15 using 1:2 with lines lw 0.8 dt 1 lc rgb '#7f7f7f' notitle, \
     'spectra.tsv' index 16 using 1:2 with lines lw 0.8 dt 1 lc rgb '#7f7f7f' notitle, \
     'spectra.tsv' index 17 using 1:2 with lines lw 0.8 dt 1 lc rgb '#7f7f7f' notitle, \
     'spectra.tsv' index 18 using 1:2 with lines lw 0.8 dt 1 lc rgb '#7f7f7f' notitle, \
     'spectra.tsv' index 19 using 1:2 with lines lw 0.8 dt 1 lc rgb '#7f7f7f' notitle, \
     'spectra.tsv' index 20 using 1:2 with lines lw 0.8 dt 1 lc rgb '#7f7f7f' notitle, \
     'spectra.tsv' index 21 using 1:2 with lines lw 0.8 dt 1 lc rgb '#7f7f7f' notitle, \
     'spectra.tsv' index 22 using 1:2 with lines lw 0.8 dt 1 lc rgb '#7f7f7f' notitle, \
     'spectra.tsv' index 23 using 1:2 with lines lw 0.8 dt 1 lc rgb '#7f7f7f' notitle, \
     'spectra.tsv' index 24 using 1:2 with lines lw 0.8 dt 1 lc rgb '#7f7f7f' notitle, \
     'spectra.tsv' index 25 using 1:2 with lines lw 0.8 dt 1 lc rgb '#7f7f7f' notitle, \
     'spectra.tsv' index 26 using 1:2 with lines lw 0.8 dt 1 lc rgb '#7f7f7f' notitle, \
     'spectra.tsv' index 27 using 1:2 with lines lw 0.8 dt 1 lc rgb '#7f7f7f' notitle, \
     'spectra.tsv' index 28 using 1:2 with lines lw 0.8 dt 1 lc rgb '#7f7f7f' notitle, \
     'spectra.tsv' index 29 using 1:2 with lines lw 0.8 dt 1 lc rgb '#7f7f7f' notitle, \
     'spectra.tsv' index 30 using 1:2 with lines lw 0.8 dt 1 lc rgb '#7f7f7f' notitle, \
     'spectra.tsv' index 31 using 1:2 with lines lw 0.8 dt 1 lc rgb '#7f7f7f' notitle, \
     'spectra.tsv' index 32 using 1:2 with lines lw 0.8 dt 1 lc rgb '#7f7f7f' notitle, \
     'spectra.tsv' index 33 using 1:2 with lines lw 0.8 dt 1 lc rgb '#7f7f7f' notitle, \
     'spectra.tsv' index 34 using 1:2 with lines lw 0.8 dt 1 lc rgb '#7f7f7f' notitle, \
     'spectra.tsv' index 35 using 1:2 with lines lw 0.8 dt 1 lc rgb '#7f7f7f' notitle, \
     'spectra.tsv' index 36 using 1:2 with lines lw 0.8 dt 1 lc rgb '#7f7f7f' notitle, \
     'spectra.tsv' index 37 using 1:2 with lines lw 0.8 dt 1 lc rgb '#7f7f7f' notitle, \
     'spectra.tsv' index 38 using 1:2 with lines lw 0.8 dt 1 lc rgb '#7f7f7f' notitle, \
     'spectra.tsv' index 39 using 1:2 with lines lw 0.8 dt 1 lc rgb '#7f7f7f' notitle, \
     'spectra.tsv' index 40 using 1:2 with lines lw 0.8 dt 1 lc rgb '#7f7f7f' notitle, \
     'spectra.tsv' index 41 using 1:2 with lines lw 0.8 dt 1 lc rgb '#7f7f7f' notitle, \
     'spectra.tsv' index 42 using 1:2 with lines lw 0.8 dt 1 lc rgb '#7f7f7f' notitle, \
     'spectra.tsv' index 43 using 1:2 with lines lw 0.8 dt 1 lc rgb '#7f7f7f' notitle, \
     'spectra.tsv' index 44 using 1:2 with lines lw 0.8 dt 1 lc rgb '#7f7f7f' notitle, \
     'spectra.tsv' index 45 using 1:2 with lines lw 0.8 dt 1 lc rgb '#7f7f7f' notitle, \
     'spectra.tsv' index 46 using 1:2 with lines lw 0.8 dt 1 lc rgb '#7f7f7f' notitle, \
     'spectra.tsv' index 47 using 1:2 with lines lw 0.8 dt 1 lc rgb '#7f7f7f' notitle, \
     'spectra.tsv' index 48 using 1:2 with lines lw 0.8 dt 1 lc rgb '#7f7f7f' notitle, \
     'spectra.tsv' index 49 using 1:2 with lines lw 0.8 dt 1 lc rgb '#7f7f7f' notitle, \
     'spectra.tsv' index 50 using 1:2 with lines lw 0.8 dt 1 lc rgb '#7f7f7f' notitle, \
     'spectra.tsv' index 51 using 1:2 with lines lw 0.8 dt 1 lc rgb '#7f7f7f' notitle, \
     'spectra.tsv' index 52 using 1:2 with lines lw 0.8 dt 1 lc rgb '#7f7f7f' notitle, \
     'spectra.tsv' index 53 using 1:2 with lines lw 0.8 dt 1 lc rgb '#7f7f7f' notitle, \
     'spectra.tsv' index 54 using 1:2 with lines lw 0.8 dt 1 lc rgb '#7f7f7f' notitle, \
     'spectra.tsv' index 55 using 1:2 with lines lw 0.8 dt 1 lc rgb '#7f7f7f' notitle, \
     'spectra.tsv' index 56 using 1:2 with lines lw 0.8 dt 1 lc rgb '#7f7f7f' notitle, \
     'spectra.tsv' index 57 using 1:2 with lines lw 0.8 dt 1 lc rgb '#7f7f7f' notitle, \
     'spectra.tsv' index 58 using 1:2 with lines lw 0.8 dt 1 lc rgb '#7f7f7f' notitle, \
     'spectra.tsv' index 59 using 1:2 with lines lw 0.8 dt 1 lc rgb '#7f7f7f' notitle, \
     'spectra.tsv' index 60 using 1:2 with lines lw 0.8 dt 1 lc rgb '#7f7f7f' notitle, \
     'spectra.tsv' index 61 using 1:2 with lines lw 0.8 dt 1 lc rgb '#7f7f7f' notitle, \
     'spectra.tsv' index 62 using 1:2 with lines lw 0.8 dt 1 lc rgb '#7f7f7f' notitle, \
     'spectra.tsv' index 63 using 1:2 with lines lw 0.8 dt 1 lc rgb '#7f7f7f' notitle, \
     'spectra.tsv' index 64 using 1:2 with lines lw 2.5 dt 1 lc rgb '#1f77b4' title 'σ_max(W_hh)' noenhanced, \
     'spectra.tsv' index 65 using 1:2 with lines lw 2.5 dt (8,6) lc rgb '#d62728' title 'ρ(W_hh)' noenhanced

# panel 2 of 2
reset
set border 3 lw 1 lc rgb '#444444'
set tics nomirror out
set grid xtics ytics back lw 1 lc rgb '#dddddd' dt 1
set key noenhanced opaque box lc rgb '#cccccc' samplen 2.5 Left reverse
set palette defined (0 '#440154', 1 '#482878', 2 '#3e4989', 3 '#31688e', 4 '#26828e', 5 '#1f9e89', 6 '#35b779', 7 '#6ece58', 8 '#b5de2b', 9 '#fde725')
set key outside right top
set xlabel '업데이트' noenhanced
set ylabel '특이값 σ' noenhanced
set logscale y 10
set format y tenpower
set arrow 1 from graph 0, first 1.0 to graph 1, first 1.0 nohead back lw 1.5 dt (8,6) lc rgb '#555555'
set title 'LSTM: 순환 블록 W_hi, W_hf, W_hg, W_ho의 특이값' noenhanced font ',14'
plot 'spectra.tsv' index 66 using 1:2 with lines lw 2.5 dt 1 lc rgb '#1f77b4' title 'σ_max(W_hi)' noenhanced, \
     'spectra.tsv' index 67 using 1:2 with lines lw 1.5 dt (8,6) lc rgb '#1f77b4' title 'σ(W_hi) 중앙값' noenhanced, \
     'spectra.tsv' index 68 using 1:2 with lines lw 2.5 dt 1 lc rgb '#ff7f0e' title 'σ_max(W_hf)' noenhanced, \
     'spectra.tsv' index 69 using 1:2 with lines lw 1.5 dt (8,6) lc rgb '#ff7f0e' title 'σ(W_hf) 중앙값' noenhanced, \
     'spectra.tsv' index 70 using 1:2 with lines lw 2.5 dt 1 lc rgb '#2ca02c' title 'σ_max(W_hg)' noenhanced, \
     'spectra.tsv' index 71 using 1:2 with lines lw 1.5 dt (8,6) lc rgb '#2ca02c' title 'σ(W_hg) 중앙값' noenhanced, \
     'spectra.tsv' index 72 using 1:2 with lines lw 2.5 dt 1 lc rgb '#d62728' title 'σ_max(W_ho)' noenhanced, \
     'spectra.tsv' index 73 using 1:2 with lines lw 1.5 dt (8,6) lc rgb '#d62728' title 'σ(W_ho) 중앙값' noenhanced

unset multiplot
unset output
