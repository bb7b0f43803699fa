# Figure 'dependence', written by rnnlab's Plotting module.
# Redraw it by hand in this folder:
#   gnuplot dependence.gp                      draws dependence.png
#   gnuplot -e "format='svg'" dependence.gp    draws dependence.svg (or 'pdf'; 'dumb' prints text)
# Data: dependence.tsv, one block per series, chosen with 'index'.
# columns per block: 3 3 3 3 3
# rows per block: 36 36 36 36 36

if (!exists("format")) format = 'png'
if (!exists("outfile")) outfile = 'dependence.' . format
if (format eq 'png') {
    set terminal pngcairo size 1680,980 enhanced font 'DejaVu Sans,12' linewidth 1.2 rounded
    set output outfile
}
if (format eq 'svg') {
    set terminal svg size 1680,980 fixed enhanced font 'DejaVu Sans, NanumGothic, Noto Sans CJK KR, sans-serif,12' linewidth 1.2 rounded background '#ffffff'
    set output outfile
}
if (format eq 'pdf') {
    set terminal pdfcairo size 16.8in,9.8in enhanced font 'DejaVu Sans,12' linewidth 1.2 rounded
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

set multiplot layout 2,3 title '각 출력이 보는 입력: 다섯 방식으로 입출력하는 tanh RNN 하나 (H = 8)의 ‖∂y_s/∂x_t‖; 흰색: 입력·출력·경로 없음' noenhanced font ',16'

# panel 1 of 5
reset
set border 3 lw 1 lc rgb '#444444'
set tics nomirror out
set grid xtics ytics back lw 1 lc rgb '#dddddd' dt 1
set key noenhanced opaque box lc rgb '#cccccc' samplen 2.5 Left reverse
set palette defined (0 '#440154', 1 '#482878', 2 '#3e4989', 3 '#31688e', 4 '#26828e', 5 '#1f9e89', 6 '#35b779', 7 '#6ece58', 8 '#b5de2b', 9 '#fde725')
unset key
set xlabel '입력 단계 t' noenhanced
set ylabel '출력 단계 s' noenhanced
set size ratio -1
set cblabel 'log10 ‖∂y_s/∂x_t‖' noenhanced
set autoscale xfix
set autoscale yfix
set xrange [0.5:6.5]
set yrange [0.5:6.5]
set title '일대일: 이미지 → 클래스 (순환 없음)' noenhanced font ',14'
plot 'dependence.tsv' index 0 using 1:2:3 with image notitle

# panel 2 of 5
reset
set border 3 lw 1 lc rgb '#444444'
set tics nomirror out
set grid xtics ytics back lw 1 lc rgb '#dddddd' dt 1
set key noenhanced opaque box lc rgb '#cccccc' samplen 2.5 Left reverse
set palette defined (0 '#440154', 1 '#482878', 2 '#3e4989', 3 '#31688e', 4 '#26828e', 5 '#1f9e89', 6 '#35b779', 7 '#6ece58', 8 '#b5de2b', 9 '#fde725')
unset key
set xlabel '입력 단계 t' noenhanced
set ylabel '출력 단계 s' noenhanced
set size ratio -1
set cblabel 'log10 ‖∂y_s/∂x_t‖' noenhanced
set autoscale xfix
set autoscale yfix
set xrange [0.5:6.5]
set yrange [0.5:6.5]
set title '일대다: 이미지 → 캡션' noenhanced font ',14'
plot 'dependence.tsv' index 1 using 1:2:3 with image notitle

# panel 3 of 5
reset
set border 3 lw 1 lc rgb '#444444'
set tics nomirror out
set grid xtics ytics back lw 1 lc rgb '#dddddd' dt 1
set key noenhanced opaque box lc rgb '#cccccc' samplen 2.5 Left reverse
set palette defined (0 '#440154', 1 '#482878', 2 '#3e4989', 3 '#31688e', 4 '#26828e', 5 '#1f9e89', 6 '#35b779', 7 '#6ece58', 8 '#b5de2b', 9 '#fde725')
unset key
set xlabel '입력 단계 t' noenhanced
set ylabel '출력 단계 s' noenhanced
set size ratio -1
set cblabel 'log10 ‖∂y_s/∂x_t‖' noenhanced
set autoscale xfix
set autoscale yfix
set xrange [0.5:6.5]
set yrange [0.5:6.5]
set title '다대일: 문장 → 감성' noenhanced font ',14'
plot 'dependence.tsv' index 2 using 1:2:3 with image notitle

# panel 4 of 5
reset
set border 3 lw 1 lc rgb '#444444'
set tics nomirror out
set grid xtics ytics back lw 1 lc rgb '#dddddd' dt 1
set key noenhanced opaque box lc rgb '#cccccc' samplen 2.5 Left reverse
set palette defined (0 '#440154', 1 '#482878', 2 '#3e4989', 3 '#31688e', 4 '#26828e', 5 '#1f9e89', 6 '#35b779', 7 '#6ece58', 8 '#b5de2b', 9 '#fde725')
unset key
set xlabel '입력 단계 t' noenhanced
set ylabel '출력 단계 s' noenhanced
set size ratio -1
set cblabel 'log10 ‖∂y_s/∂x_t‖' noenhanced
set autoscale xfix
set autoscale yfix
set xrange [0.5:6.5]
set yrange [0.5:6.5]
set title '다대다: 단어 → 태그, 언어 모델' noenhanced font ',14'
plot 'dependence.tsv' index 3 using 1:2:3 with image notitle

# panel 5 of 5
reset
set border 3 lw 1 lc rgb '#444444'
set tics nomirror out
set grid xtics ytics back lw 1 lc rgb '#dddddd' dt 1
set key noenhanced opaque box lc rgb '#cccccc' samplen 2.5 Left reverse
set palette defined (0 '#440154', 1 '#482878', 2 '#3e4989', 3 '#31688e', 4 '#26828e', 5 '#1f9e89', 6 '#35b779', 7 '#6ece58', 8 '#b5de2b', 9 '#fde725')
unset key
set xlabel '입력 단계 t' noenhanced
set ylabel '출력 단계 s' noenhanced
set size ratio -1
set cblabel 'log10 ‖∂y_s/∂x_t‖' noenhanced
set autoscale xfix
set autoscale yfix
set xrange [0.5:6.5]
set yrange [0.5:6.5]
set title '다대다 (인코더–디코더): 문장 → 번역' noenhanced font ',14'
plot 'dependence.tsv' index 4 using 1:2:3 with image notitle

unset multiplot
unset output
