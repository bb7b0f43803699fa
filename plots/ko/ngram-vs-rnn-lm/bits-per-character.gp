# Figure 'bits-per-character', written by rnnlab's Plotting module.
# Redraw it by hand in this folder:
#   gnuplot bits-per-character.gp                      draws bits-per-character.png
#   gnuplot -e "format='svg'" bits-per-character.gp    draws bits-per-character.svg (or 'pdf'; 'dumb' prints text)
# Data: bits-per-character.tsv, one block per series, chosen with 'index'.
# columns per block: 2 2 2 2 2 2 2 2 2
# rows per block: 6 6 6 13 13 13 13 13 13

if (!exists("format")) format = 'png'
if (!exists("outfile")) outfile = 'bits-per-character.' . format
if (format eq 'png') {
    set terminal pngcairo size 1920,680 enhanced font 'DejaVu Sans,12' linewidth 1.2 rounded
    set output outfile
}
if (format eq 'svg') {
    set terminal svg size 1920,680 fixed enhanced font 'DejaVu Sans, NanumGothic, Noto Sans CJK KR, sans-serif,12' linewidth 1.2 rounded background '#ffffff'
    set output outfile
}
if (format eq 'pdf') {
    set terminal pdfcairo size 19.2in,6.8in enhanced font 'DejaVu Sans,12' linewidth 1.2 rounded
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

set multiplot layout 1,3 title '홀드아웃 문자당 비트 (실습의 소스와 노트북 말뭉치): n-그램은 정체, RNN은 학습할수록 계속 좋아짐' noenhanced font ',16'

# panel 1 of 3
reset
set border 3 lw 1 lc rgb '#444444'
set tics nomirror out
set grid xtics ytics back lw 1 lc rgb '#dddddd' dt 1
set key noenhanced opaque box lc rgb '#cccccc' samplen 2.5 Left reverse
set palette defined (0 '#440154', 1 '#482878', 2 '#3e4989', 3 '#31688e', 4 '#26828e', 5 '#1f9e89', 6 '#35b779', 7 '#6ece58', 8 '#b5de2b', 9 '#fde725')
set key top right
set xlabel 'n (n-그램 모델의 차수)' noenhanced
set ylabel '홀드아웃 문자당 비트' noenhanced
set xrange [0.5:6.5]
set yrange [2.097660802549838:8.894006181977366]
set arrow 1 from graph 0, first 7.451211111832329 to graph 1, first 7.451211111832329 nohead back lw 1.5 dt (8,6) lc rgb '#555555'
set label 1 'log₂ V = 7.45: 균등' at graph 0.01, first 7.451211111832329 offset 0,0.6 left noenhanced front tc rgb '#555555'
set arrow 2 from graph 0, first 2.397660802549838 to graph 1, first 2.397660802549838 nohead back lw 1.5 dt (8,6) lc rgb '#d62728'
set label 2 '최고 n-그램 2.40' at graph 0.01, first 2.397660802549838 offset 0,0.6 left noenhanced front tc rgb '#d62728'
set title 'n-그램 모델: 문맥은 마지막 n − 1개 문자' noenhanced font ',14'
plot 'bits-per-character.tsv' index 0 using 1:2 with linespoints pt 7 ps 1.4 lw 2.5 dt 1 lc rgb '#8c564b' title '+1 스무딩 (라플라스)' noenhanced, \
     'bits-per-character.tsv' index 1 using 1:2 with linespoints pt 7 ps 1.4 lw 2.5 dt 1 lc rgb '#e377c2' title '+0.01 스무딩' noenhanced, \
     'bits-per-character.tsv' index 2 using 1:2 with linespoints pt 7 ps 1.4 lw 2.5 dt 1 lc rgb '#7f7f7f' title 'Kneser–Ney' noenhanced

# panel 2 of 3
reset
set border 3 lw 1 lc rgb '#444444'
set tics nomirror out
set grid xtics ytics back lw 1 lc rgb '#dddddd' dt 1
set key noenhanced opaque box lc rgb '#cccccc' samplen 2.5 Left reverse
set palette defined (0 '#440154', 1 '#482878', 2 '#3e4989', 3 '#31688e', 4 '#26828e', 5 '#1f9e89', 6 '#35b779', 7 '#6ece58', 8 '#b5de2b', 9 '#fde725')
set key top right
set xlabel '반복 (B = 32개 스트림 × 각 T = 50문자)' noenhanced
set ylabel '홀드아웃 문자당 비트' noenhanced
set yrange [2.097660802549838:8.894006181977366]
set arrow 1 from graph 0, first 7.451211111832329 to graph 1, first 7.451211111832329 nohead back lw 1.5 dt (8,6) lc rgb '#555555'
set label 1 'log₂ V = 7.45: 균등' at graph 0.01, first 7.451211111832329 offset 0,0.6 left noenhanced front tc rgb '#555555'
set arrow 2 from graph 0, first 2.397660802549838 to graph 1, first 2.397660802549838 nohead back lw 1.5 dt (8,6) lc rgb '#d62728'
set label 2 '최고 n-그램 2.40' at graph 0.01, first 2.397660802549838 offset 0,0.6 left noenhanced front tc rgb '#d62728'
set title '업데이트에 따른 RNN 언어 모델 (H = 128)' noenhanced font ',14'
plot 'bits-per-character.tsv' index 3 using 1:2 with linespoints pt 7 ps 0.7 lw 2.5 dt 1 lc rgb '#1f77b4' title 'tanh RNN (파라미터 61487개): 4.79' noenhanced, \
     'bits-per-character.tsv' index 4 using 1:2 with linespoints pt 7 ps 0.7 lw 2.5 dt 1 lc rgb '#2ca02c' title 'LSTM (파라미터 178223개): 4.08' noenhanced, \
     'bits-per-character.tsv' index 5 using 1:2 with linespoints pt 7 ps 0.7 lw 2.5 dt 1 lc rgb '#9467bd' title 'GRU (파라미터 139439개): 3.65' noenhanced

# panel 3 of 3
reset
set border 3 lw 1 lc rgb '#444444'
set tics nomirror out
set grid xtics ytics back lw 1 lc rgb '#dddddd' dt 1
set key noenhanced opaque box lc rgb '#cccccc' samplen 2.5 Left reverse
set palette defined (0 '#440154', 1 '#482878', 2 '#3e4989', 3 '#31688e', 4 '#26828e', 5 '#1f9e89', 6 '#35b779', 7 '#6ece58', 8 '#b5de2b', 9 '#fde725')
set key top right
set xlabel '학습 시간 (초, 평가 제외)' noenhanced
set ylabel '홀드아웃 문자당 비트' noenhanced
set yrange [2.097660802549838:8.894006181977366]
set arrow 1 from graph 0, first 7.451211111832329 to graph 1, first 7.451211111832329 nohead back lw 1.5 dt (8,6) lc rgb '#555555'
set label 1 'log₂ V = 7.45: 균등' at graph 0.01, first 7.451211111832329 offset 0,0.6 left noenhanced front tc rgb '#555555'
set arrow 2 from graph 0, first 2.397660802549838 to graph 1, first 2.397660802549838 nohead back lw 1.5 dt (8,6) lc rgb '#d62728'
set label 2 '최고 n-그램 2.40' at graph 0.01, first 2.397660802549838 offset 0,0.6 left noenhanced front tc rgb '#d62728'
set title '같은 곡선, 학습 시간 기준' noenhanced font ',14'
plot 'bits-per-character.tsv' index 6 using 1:2 with linespoints pt 7 ps 0.7 lw 2.5 dt 1 lc rgb '#1f77b4' title 'tanh RNN (파라미터 61487개): 4.79' noenhanced, \
     'bits-per-character.tsv' index 7 using 1:2 with linespoints pt 7 ps 0.7 lw 2.5 dt 1 lc rgb '#2ca02c' title 'LSTM (파라미터 178223개): 4.08' noenhanced, \
     'bits-per-character.tsv' index 8 using 1:2 with linespoints pt 7 ps 0.7 lw 2.5 dt 1 lc rgb '#9467bd' title 'GRU (파라미터 139439개): 3.65' noenhanced

unset multiplot
unset output
