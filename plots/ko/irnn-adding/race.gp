# Figure 'race', written by rnnlab's Plotting module.
# Redraw it by hand in this folder:
#   gnuplot race.gp                      draws race.png
#   gnuplot -e "format='svg'" race.gp    draws race.svg (or 'pdf'; 'dumb' prints text)
# Data: race.tsv, one block per series, chosen with 'index'.
# columns per block: 2 2 2 2 2 2 2 2 2 2 2 2 2 2 2 2 2 2 2 2 2 2 2 2
# rows per block: 51 30 42 23 12 2 51 51 50 19 18 2 51 51 51 23 18 2 3 3 3 3 3 2

if (!exists("format")) format = 'png'
if (!exists("outfile")) outfile = 'race.' . format
if (format eq 'png') {
    set terminal pngcairo size 1520,1080 enhanced font 'DejaVu Sans,12' linewidth 1.2 rounded
    set output outfile
}
if (format eq 'svg') {
    set terminal svg size 1520,1080 fixed enhanced font 'DejaVu Sans, NanumGothic, Noto Sans CJK KR, sans-serif,12' linewidth 1.2 rounded background '#ffffff'
    set output outfile
}
if (format eq 'pdf') {
    set terminal pdfcairo size 15.2in,10.8in enhanced font 'DejaVu Sans,12' linewidth 1.2 rounded
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

set multiplot layout 2,2 title '덧셈 문제 (H = 100, B = 16): 상수 예측기를 이기는 것은?' noenhanced font ',16'

# panel 1 of 4
reset
set border 3 lw 1 lc rgb '#444444'
set tics nomirror out
set grid xtics ytics back lw 1 lc rgb '#dddddd' dt 1
set key noenhanced opaque box lc rgb '#cccccc' samplen 2.5 Left reverse
set palette defined (0 '#440154', 1 '#482878', 2 '#3e4989', 3 '#31688e', 4 '#26828e', 5 '#1f9e89', 6 '#35b779', 7 '#6ece58', 8 '#b5de2b', 9 '#fde725')
set key bottom right
set xlabel '업데이트' noenhanced
set ylabel '테스트 MSE (시퀀스 500개)' noenhanced
set logscale y 10
set format y tenpower
set yrange [1e-06:10.0]
set title 'T = 50: 업데이트에 따른 테스트 MSE' noenhanced font ',14'
plot 'race.tsv' index 0 using 1:2 with lines lw 2.5 dt 1 lc rgb '#d62728' title 'tanh RNN: 최종 0.1625' noenhanced, \
     'race.tsv' index 1 using 1:2 with lines lw 2.5 dt 1 lc rgb '#ff7f0e' title 'ReLU RNN (가우시안 W_hh): 0.0005912, 2900에서 멈춤' noenhanced, \
     'race.tsv' index 2 using 1:2 with lines lw 2.5 dt 1 lc rgb '#2ca02c' title 'IRNN (W_hh = I): 0.001368, 4100에서 멈춤' noenhanced, \
     'race.tsv' index 3 using 1:2 with lines lw 2.5 dt 1 lc rgb '#1f77b4' title 'LSTM (b_f = 1): 0.0009883, 2200에서 멈춤' noenhanced, \
     'race.tsv' index 4 using 1:2 with lines lw 2.5 dt 1 lc rgb '#9467bd' title 'GRU: 0.0009783, 1100에서 멈춤' noenhanced, \
     'race.tsv' index 5 using 1:2 with lines lw 1.5 dt (8,6) lc rgb '#555555' title '1로 예측: MSE 1/6' noenhanced

# panel 2 of 4
reset
set border 3 lw 1 lc rgb '#444444'
set tics nomirror out
set grid xtics ytics back lw 1 lc rgb '#dddddd' dt 1
set key noenhanced opaque box lc rgb '#cccccc' samplen 2.5 Left reverse
set palette defined (0 '#440154', 1 '#482878', 2 '#3e4989', 3 '#31688e', 4 '#26828e', 5 '#1f9e89', 6 '#35b779', 7 '#6ece58', 8 '#b5de2b', 9 '#fde725')
set key bottom right
set xlabel '업데이트' noenhanced
set ylabel '테스트 MSE (시퀀스 500개)' noenhanced
set logscale y 10
set format y tenpower
set yrange [1e-06:10.0]
set title 'T = 100: 업데이트에 따른 테스트 MSE' noenhanced font ',14'
plot 'race.tsv' index 6 using 1:2 with lines lw 2.5 dt 1 lc rgb '#d62728' title 'tanh RNN: 최종 0.1774' noenhanced, \
     'race.tsv' index 7 using 1:2 with lines lw 2.5 dt 1 lc rgb '#ff7f0e' title 'ReLU RNN (가우시안 W_hh): 최종 0.02401' noenhanced, \
     'race.tsv' index 8 using 1:2 with lines lw 2.5 dt 1 lc rgb '#2ca02c' title 'IRNN (W_hh = I): 0.00125, 4900에서 멈춤' noenhanced, \
     'race.tsv' index 9 using 1:2 with lines lw 2.5 dt 1 lc rgb '#1f77b4' title 'LSTM (b_f = 1): 0.001906, 1800에서 멈춤' noenhanced, \
     'race.tsv' index 10 using 1:2 with lines lw 2.5 dt 1 lc rgb '#9467bd' title 'GRU: 0.001383, 1700에서 멈춤' noenhanced, \
     'race.tsv' index 11 using 1:2 with lines lw 1.5 dt (8,6) lc rgb '#555555' title '1로 예측: MSE 1/6' noenhanced

# panel 3 of 4
reset
set border 3 lw 1 lc rgb '#444444'
set tics nomirror out
set grid xtics ytics back lw 1 lc rgb '#dddddd' dt 1
set key noenhanced opaque box lc rgb '#cccccc' samplen 2.5 Left reverse
set palette defined (0 '#440154', 1 '#482878', 2 '#3e4989', 3 '#31688e', 4 '#26828e', 5 '#1f9e89', 6 '#35b779', 7 '#6ece58', 8 '#b5de2b', 9 '#fde725')
set key bottom right
set xlabel '업데이트' noenhanced
set ylabel '테스트 MSE (시퀀스 500개)' noenhanced
set logscale y 10
set format y tenpower
set yrange [1e-06:100.0]
set title 'T = 150: 업데이트에 따른 테스트 MSE' noenhanced font ',14'
plot 'race.tsv' index 12 using 1:2 with lines lw 2.5 dt 1 lc rgb '#d62728' title 'tanh RNN: 최종 0.1704' noenhanced, \
     'race.tsv' index 13 using 1:2 with lines lw 2.5 dt 1 lc rgb '#ff7f0e' title 'ReLU RNN (가우시안 W_hh): 최종 0.05136' noenhanced, \
     'race.tsv' index 14 using 1:2 with lines lw 2.5 dt 1 lc rgb '#2ca02c' title 'IRNN (W_hh = I): 최종 0.004202' noenhanced, \
     'race.tsv' index 15 using 1:2 with lines lw 2.5 dt 1 lc rgb '#1f77b4' title 'LSTM (b_f = 1): 0.0005368, 2200에서 멈춤' noenhanced, \
     'race.tsv' index 16 using 1:2 with lines lw 2.5 dt 1 lc rgb '#9467bd' title 'GRU: 0.001668, 1700에서 멈춤' noenhanced, \
     'race.tsv' index 17 using 1:2 with lines lw 1.5 dt (8,6) lc rgb '#555555' title '1로 예측: MSE 1/6' noenhanced

# panel 4 of 4
reset
set border 3 lw 1 lc rgb '#444444'
set tics nomirror out
set grid xtics ytics back lw 1 lc rgb '#dddddd' dt 1
set key noenhanced opaque box lc rgb '#cccccc' samplen 2.5 Left reverse
set palette defined (0 '#440154', 1 '#482878', 2 '#3e4989', 3 '#31688e', 4 '#26828e', 5 '#1f9e89', 6 '#35b779', 7 '#6ece58', 8 '#b5de2b', 9 '#fde725')
set key outside right top
set xlabel '시퀀스 길이 T' noenhanced
set ylabel '최종 테스트 MSE' noenhanced
set logscale y 10
set format y tenpower
set title 'T에 따른 최종 테스트 MSE (최대 5000번 업데이트 후)' noenhanced font ',14'
plot 'race.tsv' index 18 using 1:2 with linespoints pt 7 ps 1.5 lw 2.5 dt 1 lc rgb '#d62728' title 'tanh RNN' noenhanced, \
     'race.tsv' index 19 using 1:2 with linespoints pt 7 ps 1.5 lw 2.5 dt 1 lc rgb '#ff7f0e' title 'ReLU RNN (가우시안 W_hh)' noenhanced, \
     'race.tsv' index 20 using 1:2 with linespoints pt 7 ps 1.5 lw 2.5 dt 1 lc rgb '#2ca02c' title 'IRNN (W_hh = I)' noenhanced, \
     'race.tsv' index 21 using 1:2 with linespoints pt 7 ps 1.5 lw 2.5 dt 1 lc rgb '#1f77b4' title 'LSTM (b_f = 1)' noenhanced, \
     'race.tsv' index 22 using 1:2 with linespoints pt 7 ps 1.5 lw 2.5 dt 1 lc rgb '#9467bd' title 'GRU' noenhanced, \
     'race.tsv' index 23 using 1:2 with lines lw 1.5 dt (8,6) lc rgb '#555555' title '1로 예측: MSE 1/6' noenhanced

unset multiplot
unset output
