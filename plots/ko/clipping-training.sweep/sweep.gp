# Figure 'sweep', written by rnnlab's Plotting module.
# Redraw it by hand in this folder:
#   gnuplot sweep.gp                      draws sweep.png
#   gnuplot -e "format='svg'" sweep.gp    draws sweep.svg (or 'pdf'; 'dumb' prints text)
# Data: sweep.tsv, one block per series, chosen with 'index'.
# columns per block: 2 2 2 2 2 2 2 2 2 3 2 2 3 2 2 3 2 2 2 3 2 2 3 2 2 3 2 2 2
# rows per block: 2 1 2 1 2 1 2 1 20 2 2 20 2 2 20 2 2 20 20 2 2 20 2 2 20 2 2 20 20

if (!exists("format")) format = 'png'
if (!exists("outfile")) outfile = 'sweep.' . format
if (format eq 'png') {
    set terminal pngcairo size 1300,1260 enhanced font 'DejaVu Sans,12' linewidth 1.2 rounded
    set output outfile
}
if (format eq 'svg') {
    set terminal svg size 1300,1260 fixed enhanced font 'DejaVu Sans, NanumGothic, Noto Sans CJK KR, sans-serif,12' linewidth 1.2 rounded background '#ffffff'
    set output outfile
}
if (format eq 'pdf') {
    set terminal pdfcairo size 13.0in,12.6in enhanced font 'DejaVu Sans,12' linewidth 1.2 rounded
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

set multiplot layout 3,1 title '시드 20개에 걸친 클리핑 규칙 (η = 0.1, τ = 1): 한 시드에서 본 그림이 유지되는가?' noenhanced font ',16'

# panel 1 of 3
reset
set border 3 lw 1 lc rgb '#444444'
set tics nomirror out
set grid xtics ytics back lw 1 lc rgb '#dddddd' dt 1
set key noenhanced opaque box lc rgb '#cccccc' samplen 2.5 Left reverse
set palette defined (0 '#440154', 1 '#482878', 2 '#3e4989', 3 '#31688e', 4 '#26828e', 5 '#1f9e89', 6 '#35b779', 7 '#6ece58', 8 '#b5de2b', 9 '#fde725')
set key outside right top
set xlabel '클리핑 규칙 (범례 참고)' noenhanced
set ylabel '시드의 비율' noenhanced
set xrange [0.5:4.5]
set yrange [-0.02:1.02]
set title '안정적으로 학습한 시드의 비율 (넘침 없음, 테스트 MSE < 1); 막대: 윌슨 95 % 구간' noenhanced font ',14'
plot 'sweep.tsv' index 0 using 1:2 with lines lw 3.0 dt 1 lc rgb '#d62728' notitle, \
     'sweep.tsv' index 1 using 1:2 with points pt 7 ps 1.8 lc rgb '#d62728' title '클리핑 없음: 20개 중 0개' noenhanced, \
     'sweep.tsv' index 2 using 1:2 with lines lw 3.0 dt 1 lc rgb '#1f77b4' notitle, \
     'sweep.tsv' index 3 using 1:2 with points pt 7 ps 1.8 lc rgb '#1f77b4' title '노름 클리핑: 20개 중 20개' noenhanced, \
     'sweep.tsv' index 4 using 1:2 with lines lw 3.0 dt 1 lc rgb '#2ca02c' notitle, \
     'sweep.tsv' index 5 using 1:2 with points pt 7 ps 1.8 lc rgb '#2ca02c' title '값 클리핑: 20개 중 0개' noenhanced, \
     'sweep.tsv' index 6 using 1:2 with lines lw 3.0 dt 1 lc rgb '#9467bd' notitle, \
     'sweep.tsv' index 7 using 1:2 with points pt 7 ps 1.8 lc rgb '#9467bd' title '노름 제곱 (슬라이드): 20개 중 20개' noenhanced

# panel 2 of 3
reset
set border 3 lw 1 lc rgb '#444444'
set tics nomirror out
set grid xtics ytics back lw 1 lc rgb '#dddddd' dt 1
set key noenhanced opaque box lc rgb '#cccccc' samplen 2.5 Left reverse
set palette defined (0 '#440154', 1 '#482878', 2 '#3e4989', 3 '#31688e', 4 '#26828e', 5 '#1f9e89', 6 '#35b779', 7 '#6ece58', 8 '#b5de2b', 9 '#fde725')
set key outside right top
set xlabel '시드' noenhanced
set ylabel '최종 테스트 MSE' noenhanced
set logscale y 10
set format y tenpower
set xrange [0.5:20.5]
set yrange [0.061673456409377714:20000.0]
set arrow 1 from graph 0, first 0.16666666666666666 to graph 1, first 0.16666666666666666 nohead back lw 1.5 dt (2,5) lc rgb '#7f7f7f'
set title '시드별 최종 테스트 MSE (파선: 중앙값, 음영: 사분위 범위, 점선: 1/6)' noenhanced font ',14'
plot 'sweep.tsv' index 8 using 1:2 with points pt 7 ps 1.2 lc rgb '#d62728' title '클리핑 없음: 20개 모두 10⁴ 위 (위쪽 끝)' noenhanced, \
     'sweep.tsv' index 9 using 1:2:3 with filledcurves lc rgb '#1f77b4' fs transparent solid 0.15 noborder notitle, \
     'sweep.tsv' index 10 using 1:2 with lines lw 1.0 dt (8,6) lc rgb '#1f77b4' notitle, \
     'sweep.tsv' index 11 using 1:2 with points pt 7 ps 1.2 lc rgb '#1f77b4' title '노름 클리핑: 중앙값 0.2022' noenhanced, \
     'sweep.tsv' index 12 using 1:2:3 with filledcurves lc rgb '#2ca02c' fs transparent solid 0.15 noborder notitle, \
     'sweep.tsv' index 13 using 1:2 with lines lw 1.0 dt (8,6) lc rgb '#2ca02c' notitle, \
     'sweep.tsv' index 14 using 1:2 with points pt 7 ps 1.2 lc rgb '#2ca02c' title '값 클리핑: 중앙값 184.2' noenhanced, \
     'sweep.tsv' index 15 using 1:2:3 with filledcurves lc rgb '#9467bd' fs transparent solid 0.15 noborder notitle, \
     'sweep.tsv' index 16 using 1:2 with lines lw 1.0 dt (8,6) lc rgb '#9467bd' notitle, \
     'sweep.tsv' index 17 using 1:2 with points pt 7 ps 1.2 lc rgb '#9467bd' title '노름 제곱 (슬라이드): 중앙값 0.1881' noenhanced

# panel 3 of 3
reset
set border 3 lw 1 lc rgb '#444444'
set tics nomirror out
set grid xtics ytics back lw 1 lc rgb '#dddddd' dt 1
set key noenhanced opaque box lc rgb '#cccccc' samplen 2.5 Left reverse
set palette defined (0 '#440154', 1 '#482878', 2 '#3e4989', 3 '#31688e', 4 '#26828e', 5 '#1f9e89', 6 '#35b779', 7 '#6ece58', 8 '#b5de2b', 9 '#fde725')
set key outside right top
set xlabel '시드' noenhanced
set ylabel 'ρ(W_hh)' noenhanced
set logscale y 10
set format y tenpower
set xrange [0.5:20.5]
set yrange [0.9589492445715316:20000.0]
set title '학습 후 W_hh의 스펙트럼 반지름 ρ (회색: 시작 시점)' noenhanced font ',14'
plot 'sweep.tsv' index 18 using 1:2 with points pt 7 ps 1.2 lc rgb '#d62728' title '클리핑 없음: 중앙값 2.428e+12, 19개는 10⁴ 위' noenhanced, \
     'sweep.tsv' index 19 using 1:2:3 with filledcurves lc rgb '#1f77b4' fs transparent solid 0.15 noborder notitle, \
     'sweep.tsv' index 20 using 1:2 with lines lw 1.0 dt (8,6) lc rgb '#1f77b4' notitle, \
     'sweep.tsv' index 21 using 1:2 with points pt 7 ps 1.2 lc rgb '#1f77b4' title '노름 클리핑: 중앙값 1.703' noenhanced, \
     'sweep.tsv' index 22 using 1:2:3 with filledcurves lc rgb '#2ca02c' fs transparent solid 0.15 noborder notitle, \
     'sweep.tsv' index 23 using 1:2 with lines lw 1.0 dt (8,6) lc rgb '#2ca02c' notitle, \
     'sweep.tsv' index 24 using 1:2 with points pt 7 ps 1.2 lc rgb '#2ca02c' title '값 클리핑: 중앙값 15.76' noenhanced, \
     'sweep.tsv' index 25 using 1:2:3 with filledcurves lc rgb '#9467bd' fs transparent solid 0.15 noborder notitle, \
     'sweep.tsv' index 26 using 1:2 with lines lw 1.0 dt (8,6) lc rgb '#9467bd' notitle, \
     'sweep.tsv' index 27 using 1:2 with points pt 7 ps 1.2 lc rgb '#9467bd' title '노름 제곱 (슬라이드): 중앙값 1.596' noenhanced, \
     'sweep.tsv' index 28 using 1:2 with points pt 7 ps 1.6 lc rgb '#7f7f7f' title '시작 시점의 ρ (모든 규칙)' noenhanced

unset multiplot
unset output
