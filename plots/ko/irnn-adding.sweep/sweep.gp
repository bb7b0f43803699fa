# Figure 'sweep', written by rnnlab's Plotting module.
# Redraw it by hand in this folder:
#   gnuplot sweep.gp                      draws sweep.png
#   gnuplot -e "format='svg'" sweep.gp    draws sweep.svg (or 'pdf'; 'dumb' prints text)
# Data: sweep.tsv, one block per series, chosen with 'index'.
# columns per block: 3 2 3 2 3 2 3 2 3 2 3 2 3 2 3 2 3 2 3 2 3 2 3 2 3 2 3 2 3 2
# rows per block: 3 3 3 3 3 3 3 3 3 3 3 3 3 3 3 3 3 3 3 3 3 3 3 3 3 3 3 3 3 3

if (!exists("format")) format = 'png'
if (!exists("outfile")) outfile = 'sweep.' . format
if (format eq 'png') {
    set terminal pngcairo size 1000,1220 enhanced font 'DejaVu Sans,12' linewidth 1.2 rounded
    set output outfile
}
if (format eq 'svg') {
    set terminal svg size 1000,1220 fixed enhanced font 'DejaVu Sans, NanumGothic, Noto Sans CJK KR, sans-serif,12' linewidth 1.2 rounded background '#ffffff'
    set output outfile
}
if (format eq 'pdf') {
    set terminal pdfcairo size 10.0in,12.2in enhanced font 'DejaVu Sans,12' linewidth 1.2 rounded
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

set multiplot layout 3,1 title 'irnn-adding: 실행 10번, 설정마다 시드 10개' noenhanced font ',16'

# panel 1 of 3
reset
set border 3 lw 1 lc rgb '#444444'
set tics nomirror out
set grid xtics ytics back lw 1 lc rgb '#dddddd' dt 1
set key noenhanced opaque box lc rgb '#cccccc' samplen 2.5 Left reverse
set palette defined (0 '#440154', 1 '#482878', 2 '#3e4989', 3 '#31688e', 4 '#26828e', 5 '#1f9e89', 6 '#35b779', 7 '#6ece58', 8 '#b5de2b', 9 '#fde725')
set key outside right top
set xlabel '시퀀스 길이 T' noenhanced
set ylabel '성공한 실행의 비율' noenhanced
set yrange [-0.02:1.02]
set title '실행 10번 중 성공률 (띠: 윌슨 95 % 구간)' noenhanced font ',14'
plot 'sweep.tsv' index 0 using 1:2:3 with filledcurves lc rgb '#1f77b4' fs transparent solid 0.15 noborder notitle, \
     'sweep.tsv' index 1 using 1:2 with linespoints pt 7 ps 0.8 lw 2.0 dt 1 lc rgb '#1f77b4' title 'GRU' noenhanced, \
     'sweep.tsv' index 2 using 1:2:3 with filledcurves lc rgb '#ff7f0e' fs transparent solid 0.15 noborder notitle, \
     'sweep.tsv' index 3 using 1:2 with linespoints pt 7 ps 0.8 lw 2.0 dt 1 lc rgb '#ff7f0e' title 'IRNN (W_hh = I)' noenhanced, \
     'sweep.tsv' index 4 using 1:2:3 with filledcurves lc rgb '#2ca02c' fs transparent solid 0.15 noborder notitle, \
     'sweep.tsv' index 5 using 1:2 with linespoints pt 7 ps 0.8 lw 2.0 dt 1 lc rgb '#2ca02c' title 'LSTM' noenhanced, \
     'sweep.tsv' index 6 using 1:2:3 with filledcurves lc rgb '#d62728' fs transparent solid 0.15 noborder notitle, \
     'sweep.tsv' index 7 using 1:2 with linespoints pt 7 ps 0.8 lw 2.0 dt 1 lc rgb '#d62728' title 'ReLU RNN (가우시안 W_hh)' noenhanced, \
     'sweep.tsv' index 8 using 1:2:3 with filledcurves lc rgb '#9467bd' fs transparent solid 0.15 noborder notitle, \
     'sweep.tsv' index 9 using 1:2 with linespoints pt 7 ps 0.8 lw 2.0 dt 1 lc rgb '#9467bd' title 'tanh RNN' noenhanced

# panel 2 of 3
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
set title '최종 테스트 MSE: 실행들의 중앙값 (띠: 사분위 범위)' noenhanced font ',14'
plot 'sweep.tsv' index 10 using 1:2:3 with filledcurves lc rgb '#1f77b4' fs transparent solid 0.15 noborder notitle, \
     'sweep.tsv' index 11 using 1:2 with linespoints pt 7 ps 0.8 lw 2.0 dt 1 lc rgb '#1f77b4' title 'GRU' noenhanced, \
     'sweep.tsv' index 12 using 1:2:3 with filledcurves lc rgb '#ff7f0e' fs transparent solid 0.15 noborder notitle, \
     'sweep.tsv' index 13 using 1:2 with linespoints pt 7 ps 0.8 lw 2.0 dt 1 lc rgb '#ff7f0e' title 'IRNN (W_hh = I)' noenhanced, \
     'sweep.tsv' index 14 using 1:2:3 with filledcurves lc rgb '#2ca02c' fs transparent solid 0.15 noborder notitle, \
     'sweep.tsv' index 15 using 1:2 with linespoints pt 7 ps 0.8 lw 2.0 dt 1 lc rgb '#2ca02c' title 'LSTM' noenhanced, \
     'sweep.tsv' index 16 using 1:2:3 with filledcurves lc rgb '#d62728' fs transparent solid 0.15 noborder notitle, \
     'sweep.tsv' index 17 using 1:2 with linespoints pt 7 ps 0.8 lw 2.0 dt 1 lc rgb '#d62728' title 'ReLU RNN (가우시안 W_hh)' noenhanced, \
     'sweep.tsv' index 18 using 1:2:3 with filledcurves lc rgb '#9467bd' fs transparent solid 0.15 noborder notitle, \
     'sweep.tsv' index 19 using 1:2 with linespoints pt 7 ps 0.8 lw 2.0 dt 1 lc rgb '#9467bd' title 'tanh RNN' noenhanced

# panel 3 of 3
reset
set border 3 lw 1 lc rgb '#444444'
set tics nomirror out
set grid xtics ytics back lw 1 lc rgb '#dddddd' dt 1
set key noenhanced opaque box lc rgb '#cccccc' samplen 2.5 Left reverse
set palette defined (0 '#440154', 1 '#482878', 2 '#3e4989', 3 '#31688e', 4 '#26828e', 5 '#1f9e89', 6 '#35b779', 7 '#6ece58', 8 '#b5de2b', 9 '#fde725')
set key outside right top
set xlabel '시퀀스 길이 T' noenhanced
set ylabel '업데이트 횟수' noenhanced
set title '업데이트 횟수: 실행들의 중앙값 (띠: 사분위 범위)' noenhanced font ',14'
plot 'sweep.tsv' index 20 using 1:2:3 with filledcurves lc rgb '#1f77b4' fs transparent solid 0.15 noborder notitle, \
     'sweep.tsv' index 21 using 1:2 with linespoints pt 7 ps 0.8 lw 2.0 dt 1 lc rgb '#1f77b4' title 'GRU' noenhanced, \
     'sweep.tsv' index 22 using 1:2:3 with filledcurves lc rgb '#ff7f0e' fs transparent solid 0.15 noborder notitle, \
     'sweep.tsv' index 23 using 1:2 with linespoints pt 7 ps 0.8 lw 2.0 dt 1 lc rgb '#ff7f0e' title 'IRNN (W_hh = I)' noenhanced, \
     'sweep.tsv' index 24 using 1:2:3 with filledcurves lc rgb '#2ca02c' fs transparent solid 0.15 noborder notitle, \
     'sweep.tsv' index 25 using 1:2 with linespoints pt 7 ps 0.8 lw 2.0 dt 1 lc rgb '#2ca02c' title 'LSTM' noenhanced, \
     'sweep.tsv' index 26 using 1:2:3 with filledcurves lc rgb '#d62728' fs transparent solid 0.15 noborder notitle, \
     'sweep.tsv' index 27 using 1:2 with linespoints pt 7 ps 0.8 lw 2.0 dt 1 lc rgb '#d62728' title 'ReLU RNN (가우시안 W_hh)' noenhanced, \
     'sweep.tsv' index 28 using 1:2:3 with filledcurves lc rgb '#9467bd' fs transparent solid 0.15 noborder notitle, \
     'sweep.tsv' index 29 using 1:2 with linespoints pt 7 ps 0.8 lw 2.0 dt 1 lc rgb '#9467bd' title 'tanh RNN' noenhanced

unset multiplot
unset output
