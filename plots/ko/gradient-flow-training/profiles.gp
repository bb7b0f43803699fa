# Figure 'profiles', written by rnnlab's Plotting module.
# Redraw it by hand in this folder:
#   gnuplot profiles.gp                      draws profiles.png
#   gnuplot -e "format='svg'" profiles.gp    draws profiles.svg (or 'pdf'; 'dumb' prints text)
# Data: profiles.tsv, one block per series, chosen with 'index'.
# columns per block: 3 3 2 2 2 2 2 2 2
# rows per block: 4100 4100 100 100 100 100 32 32 2

if (!exists("format")) format = 'png'
if (!exists("outfile")) outfile = 'profiles.' . format
if (format eq 'png') {
    set terminal pngcairo size 1520,1120 enhanced font 'DejaVu Sans,12' linewidth 1.2 rounded
    set output outfile
}
if (format eq 'svg') {
    set terminal svg size 1520,1120 fixed enhanced font 'DejaVu Sans, NanumGothic, Noto Sans CJK KR, sans-serif,12' linewidth 1.2 rounded background '#ffffff'
    set output outfile
}
if (format eq 'pdf') {
    set terminal pdfcairo size 15.2in,11.2in enhanced font 'DejaVu Sans,12' linewidth 1.2 rounded
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

set multiplot layout 2,2 title '덧셈 문제를 학습하는 동안 기울기가 거슬러 닿는 거리 (T = 100, H = 64)' noenhanced font ',16'

# panel 1 of 4
reset
set border 3 lw 1 lc rgb '#444444'
set tics nomirror out
set grid xtics ytics back lw 1 lc rgb '#dddddd' dt 1
set key noenhanced opaque box lc rgb '#cccccc' samplen 2.5 Left reverse
set palette defined (0 '#440154', 1 '#482878', 2 '#3e4989', 3 '#31688e', 4 '#26828e', 5 '#1f9e89', 6 '#35b779', 7 '#6ece58', 8 '#b5de2b', 9 '#fde725')
unset key
set xlabel '시간 단계 t' noenhanced
set ylabel '업데이트' noenhanced
set autoscale xfix
set autoscale yfix
set title 'tanh RNN: log10 ‖∂L/∂h_t‖ (손실은 t = T = 100에만)'."\n".'색: 두 히트맵 공통 척도, -12.8 미만은 모두 가장 어두움' noenhanced font ',14'
plot 'profiles.tsv' index 0 using 1:2:3 with image notitle

# panel 2 of 4
reset
set border 3 lw 1 lc rgb '#444444'
set tics nomirror out
set grid xtics ytics back lw 1 lc rgb '#dddddd' dt 1
set key noenhanced opaque box lc rgb '#cccccc' samplen 2.5 Left reverse
set palette defined (0 '#440154', 1 '#482878', 2 '#3e4989', 3 '#31688e', 4 '#26828e', 5 '#1f9e89', 6 '#35b779', 7 '#6ece58', 8 '#b5de2b', 9 '#fde725')
unset key
set xlabel '시간 단계 t' noenhanced
set ylabel '업데이트' noenhanced
set autoscale xfix
set autoscale yfix
set title 'LSTM: log10 ‖∂L/∂h_t‖ (손실은 t = T = 100에만)'."\n".'색: 두 히트맵 공통 척도, -12.8 미만은 모두 가장 어두움' noenhanced font ',14'
plot 'profiles.tsv' index 1 using 1:2:3 with image notitle

# panel 3 of 4
reset
set border 3 lw 1 lc rgb '#444444'
set tics nomirror out
set grid xtics ytics back lw 1 lc rgb '#dddddd' dt 1
set key noenhanced opaque box lc rgb '#cccccc' samplen 2.5 Left reverse
set palette defined (0 '#440154', 1 '#482878', 2 '#3e4989', 3 '#31688e', 4 '#26828e', 5 '#1f9e89', 6 '#35b779', 7 '#6ece58', 8 '#b5de2b', 9 '#fde725')
set key bottom right
set xlabel '시간 단계 t' noenhanced
set ylabel '‖∂L/∂h_t‖' noenhanced
set logscale y 10
set format y tenpower
set title '첫 스냅숏과 마지막 스냅숏의 프로파일' noenhanced font ',14'
plot 'profiles.tsv' index 2 using 1:2 with lines lw 2.0 dt (8,6) lc rgb '#1f77b4' title 'tanh, 업데이트 0' noenhanced, \
     'profiles.tsv' index 3 using 1:2 with lines lw 2.5 dt 1 lc rgb '#1f77b4' title 'tanh, 업데이트 1999' noenhanced, \
     'profiles.tsv' index 4 using 1:2 with lines lw 2.0 dt (8,6) lc rgb '#ff7f0e' title 'LSTM, 업데이트 0' noenhanced, \
     'profiles.tsv' index 5 using 1:2 with lines lw 2.5 dt 1 lc rgb '#ff7f0e' title 'LSTM, 업데이트 1999' noenhanced

# panel 4 of 4
reset
set border 3 lw 1 lc rgb '#444444'
set tics nomirror out
set grid xtics ytics back lw 1 lc rgb '#dddddd' dt 1
set key noenhanced opaque box lc rgb '#cccccc' samplen 2.5 Left reverse
set palette defined (0 '#440154', 1 '#482878', 2 '#3e4989', 3 '#31688e', 4 '#26828e', 5 '#1f9e89', 6 '#35b779', 7 '#6ece58', 8 '#b5de2b', 9 '#fde725')
set key bottom left
set xlabel '업데이트' noenhanced
set ylabel '테스트 MSE' noenhanced
set logscale y 10
set format y tenpower
set arrow 1 from graph 0, first 0.16666666666666666 to graph 1, first 0.16666666666666666 nohead back lw 1.5 dt (8,6) lc rgb '#555555'
set title '학습 중 테스트 MSE' noenhanced font ',14'
plot 'profiles.tsv' index 6 using 1:2 with lines lw 2.5 dt 1 lc rgb '#1f77b4' title 'tanh RNN: 최종 0.2539' noenhanced, \
     'profiles.tsv' index 7 using 1:2 with lines lw 2.5 dt 1 lc rgb '#ff7f0e' title 'LSTM: 최종 0.0004137' noenhanced, \
     'profiles.tsv' index 8 using 1:2 with lines lw 1.5 dt (8,6) lc rgb '#555555' title '점선: 1로 예측, MSE 1/6' noenhanced

unset multiplot
unset output
