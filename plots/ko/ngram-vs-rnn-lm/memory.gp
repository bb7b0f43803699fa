# Figure 'memory', written by rnnlab's Plotting module.
# Redraw it by hand in this folder:
#   gnuplot memory.gp                      draws memory.png
#   gnuplot -e "format='svg'" memory.gp    draws memory.svg (or 'pdf'; 'dumb' prints text)
# Data: memory.tsv, one block per series, chosen with 'index'.
# columns per block: 2 2 2 2 2 2 2 2 2 2
# rows per block: 6 6 6 2 2 2 6 1 1 1

if (!exists("format")) format = 'png'
if (!exists("outfile")) outfile = 'memory.' . format
if (format eq 'png') {
    set terminal pngcairo size 1640,680 enhanced font 'DejaVu Sans,12' linewidth 1.2 rounded
    set output outfile
}
if (format eq 'svg') {
    set terminal svg size 1640,680 fixed enhanced font 'DejaVu Sans, NanumGothic, Noto Sans CJK KR, sans-serif,12' linewidth 1.2 rounded background '#ffffff'
    set output outfile
}
if (format eq 'pdf') {
    set terminal pdfcairo size 16.4in,6.8in enhanced font 'DejaVu Sans,12' linewidth 1.2 rounded
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

set multiplot layout 1,2 title 'n-그램 모델이 저장해야 하는 양과 RNN의 고정된 파라미터 수' noenhanced font ',16'

# panel 1 of 2
reset
set border 3 lw 1 lc rgb '#444444'
set tics nomirror out
set grid xtics ytics back lw 1 lc rgb '#dddddd' dt 1
set key noenhanced opaque box lc rgb '#cccccc' samplen 2.5 Left reverse
set palette defined (0 '#440154', 1 '#482878', 2 '#3e4989', 3 '#31688e', 4 '#26828e', 5 '#1f9e89', 6 '#35b779', 7 '#6ece58', 8 '#b5de2b', 9 '#fde725')
set key bottom right
set xlabel 'n (n-그램 모델의 차수)' noenhanced
set ylabel '바이트' noenhanced
set logscale y 10
set format y tenpower
set xrange [0.5:6.5]
set yrange [700.0:13054948000.0]
set arrow 1 from graph 0, first 491896.0 to graph 1, first 491896.0 nohead back lw 2.0 dt (8,6) lc rgb '#1f77b4'
set arrow 2 from graph 0, first 1425784.0 to graph 1, first 1425784.0 nohead back lw 2.0 dt (8,6) lc rgb '#2ca02c'
set arrow 3 from graph 0, first 1115512.0 to graph 1, first 1115512.0 nohead back lw 2.0 dt (8,6) lc rgb '#9467bd'
set title '메모리: n-그램 표는 n과 함께 커지지만 RNN은 그대로' noenhanced font ',14'
plot 'memory.tsv' index 0 using 1:2 with linespoints pt 7 ps 1.4 lw 2.5 dt 1 lc rgb '#8c564b' title '+k 스무딩: 관측한 n-그램 수 × (4n + 8) B' noenhanced, \
     'memory.tsv' index 1 using 1:2 with linespoints pt 7 ps 1.4 lw 2.5 dt 1 lc rgb '#d62728' title 'Kneser–Ney: 차수 1…n' noenhanced, \
     'memory.tsv' index 2 using 1:2 with linespoints pt 7 ps 1.0 lw 2.0 dt (8,6) lc rgb '#000000' title '밀집 표: V^n × 8 B (V = 175)' noenhanced, \
     'memory.tsv' index 3 using 1:2 with lines lw 2.0 dt (8,6) lc rgb '#1f77b4' title 'tanh RNN: 61487 × 8 B = 492 kB' noenhanced, \
     'memory.tsv' index 4 using 1:2 with lines lw 2.0 dt (8,6) lc rgb '#2ca02c' title 'LSTM: 178223 × 8 B = 1.43 MB' noenhanced, \
     'memory.tsv' index 5 using 1:2 with lines lw 2.0 dt (8,6) lc rgb '#9467bd' title 'GRU: 139439 × 8 B = 1.12 MB' noenhanced

# panel 2 of 2
reset
set border 3 lw 1 lc rgb '#444444'
set tics nomirror out
set grid xtics ytics back lw 1 lc rgb '#dddddd' dt 1
set key noenhanced opaque box lc rgb '#cccccc' samplen 2.5 Left reverse
set palette defined (0 '#440154', 1 '#482878', 2 '#3e4989', 3 '#31688e', 4 '#26828e', 5 '#1f9e89', 6 '#35b779', 7 '#6ece58', 8 '#b5de2b', 9 '#fde725')
set key top right
set xlabel '모델의 바이트 수 (로그 척도)' noenhanced
set ylabel '홀드아웃 문자당 비트' noenhanced
set logscale x 10
set format x tenpower
set label 1 'n = 1' at first 2415.0, first 5.636150027743076 noenhanced front
set label 2 'n = 2' at first 87956.59999999999, first 4.5590834289254945 noenhanced front
set label 3 'n = 3' at first 711670.6, first 3.5540283803281927 noenhanced front
set label 4 'n = 4' at first 2802784.5999999996, first 2.8705032647026902 noenhanced front
set label 5 'n = 5' at first 7358311.8, first 2.568090198875674 noenhanced front
set label 6 'n = 6' at first 15013190.2, first 2.477660802549838 noenhanced front
set title '메모리에 따른 홀드아웃 문자당 비트' noenhanced font ',14'
plot 'memory.tsv' index 6 using 1:2 with linespoints pt 7 ps 1.4 lw 2.5 dt 1 lc rgb '#d62728' title 'Kneser–Ney n = 1 … 6' noenhanced, \
     'memory.tsv' index 7 using 1:2 with points pt 7 ps 3.0 lc rgb '#1f77b4' title 'tanh RNN: 4.79 비트/문자' noenhanced, \
     'memory.tsv' index 8 using 1:2 with points pt 7 ps 3.0 lc rgb '#2ca02c' title 'LSTM: 4.08 비트/문자' noenhanced, \
     'memory.tsv' index 9 using 1:2 with points pt 7 ps 3.0 lc rgb '#9467bd' title 'GRU: 3.65 비트/문자' noenhanced

unset multiplot
unset output
