# Figure 'cell-gradient', written by rnnlab's Plotting module.
# Redraw it by hand in this folder:
#   gnuplot cell-gradient.gp                      draws cell-gradient.png
#   gnuplot -e "format='svg'" cell-gradient.gp    draws cell-gradient.svg (or 'pdf'; 'dumb' prints text)
# Data: cell-gradient.tsv, one block per series, chosen with 'index'.
# columns per block: 2 2 2 2 2 2 2 2
# rows per block: 100 100 100 100 100 100 100 100

if (!exists("format")) format = 'png'
if (!exists("outfile")) outfile = 'cell-gradient.' . format
if (format eq 'png') {
    set terminal pngcairo size 1200,760 enhanced font 'DejaVu Sans,12' linewidth 1.2 rounded
    set output outfile
}
if (format eq 'svg') {
    set terminal svg size 1200,760 fixed enhanced font 'DejaVu Sans, NanumGothic, Noto Sans CJK KR, sans-serif,12' linewidth 1.2 rounded background '#ffffff'
    set output outfile
}
if (format eq 'pdf') {
    set terminal pdfcairo size 12.0in,7.6in enhanced font 'DejaVu Sans,12' linewidth 1.2 rounded
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

set multiplot layout 1,1 title 'LSTM 셀 경로: ∂L/∂c는 단계마다 f ≈ σ(b_f)배로 줄어듦 (가중치 ~ N(0, 0.001²), H = 64)' noenhanced font ',16'

# panel 1 of 1
reset
set border 3 lw 1 lc rgb '#444444'
set tics nomirror out
set grid xtics ytics back lw 1 lc rgb '#dddddd' dt 1
set key noenhanced opaque box lc rgb '#cccccc' samplen 2.5 Left reverse
set palette defined (0 '#440154', 1 '#482878', 2 '#3e4989', 3 '#31688e', 4 '#26828e', 5 '#1f9e89', 6 '#35b779', 7 '#6ece58', 8 '#b5de2b', 9 '#fde725')
set key bottom right
set xlabel '시간 단계 t (손실은 T = 100)' noenhanced
set ylabel '‖∂L/∂c_t‖ / ‖∂L/∂c_T‖' noenhanced
set logscale y 10
set format y tenpower
set xrange [1.0:100.0]
set yrange [1e-31:10.0]
set arrow 1 from first 25.0, graph 0 to first 25.0, graph 1 nohead back lw 1.5 dt (2,5) lc rgb '#7f7f7f'
set arrow 2 from first 75.0, graph 0 to first 75.0, graph 1 nohead back lw 1.5 dt (2,5) lc rgb '#7f7f7f'
set title '단계당 배율은 점선 사이에서 측정 (t = 25…75)' noenhanced font ',14'
plot 'cell-gradient.tsv' index 0 using 1:2 with lines lw 5.0 dt 1 lc rgb '#1f77b4' title 'b_f = 0: 측정 단계당 0.5003배, σ(b_f) = 0.5' noenhanced, \
     'cell-gradient.tsv' index 1 using 1:2 with lines lw 5.0 dt 1 lc rgb '#ff7f0e' title 'b_f = 1: 측정 단계당 0.7312배, σ(b_f) = 0.7311' noenhanced, \
     'cell-gradient.tsv' index 2 using 1:2 with lines lw 5.0 dt 1 lc rgb '#2ca02c' title 'b_f = 2: 측정 단계당 0.8809배, σ(b_f) = 0.8808' noenhanced, \
     'cell-gradient.tsv' index 3 using 1:2 with lines lw 5.0 dt 1 lc rgb '#d62728' title 'b_f = 3: 측정 단계당 0.9527배, σ(b_f) = 0.9526' noenhanced, \
     'cell-gradient.tsv' index 4 using 1:2 with lines lw 1.5 dt (8,6) lc rgb '#000000' title '예측 σ(b_f)^(T−t)' noenhanced, \
     'cell-gradient.tsv' index 5 using 1:2 with lines lw 1.5 dt (8,6) lc rgb '#000000' notitle, \
     'cell-gradient.tsv' index 6 using 1:2 with lines lw 1.5 dt (8,6) lc rgb '#000000' notitle, \
     'cell-gradient.tsv' index 7 using 1:2 with lines lw 1.5 dt (8,6) lc rgb '#000000' notitle

unset multiplot
unset output
