# Figure 'cliff', written by rnnlab's Plotting module.
# Redraw it by hand in this folder:
#   gnuplot cliff.gp                      draws cliff.png
#   gnuplot -e "format='svg'" cliff.gp    draws cliff.svg (or 'pdf'; 'dumb' prints text)
# Data: cliff.tsv, one block per series, chosen with 'index'.
# columns per block: 3 2 2 2 2 2 2 2 2 2
# rows per block: 32160 150 61 61 1 61 61 60 60 401

if (!exists("format")) format = 'png'
if (!exists("outfile")) outfile = 'cliff.' . format
if (format eq 'png') {
    set terminal pngcairo size 1520,1160 enhanced font 'DejaVu Sans,12' linewidth 1.2 rounded
    set output outfile
}
if (format eq 'svg') {
    set terminal svg size 1520,1160 fixed enhanced font 'DejaVu Sans, NanumGothic, Noto Sans CJK KR, sans-serif,12' linewidth 1.2 rounded background '#ffffff'
    set output outfile
}
if (format eq 'pdf') {
    set terminal pdfcairo size 15.2in,11.6in enhanced font 'DejaVu Sans,12' linewidth 1.2 rounded
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

set multiplot layout 2,2 title 'Pascanu의 절벽: x_t = w σ(x_{t−1}) + b, 50단계, 그리고 벽에서 클리핑이 하는 일' noenhanced font ',16'

# panel 1 of 4
reset
set border 3 lw 1 lc rgb '#444444'
set tics nomirror out
set grid xtics ytics back lw 1 lc rgb '#dddddd' dt 1
set key noenhanced opaque box lc rgb '#cccccc' samplen 2.5 Left reverse
set palette defined (0 '#440154', 1 '#482878', 2 '#3e4989', 3 '#31688e', 4 '#26828e', 5 '#1f9e89', 6 '#35b779', 7 '#6ece58', 8 '#b5de2b', 9 '#fde725')
unset key
set xlabel 'w (순환 가중치)' noenhanced
set ylabel 'b (편향)' noenhanced
set view map
set cblabel 'E' noenhanced
set autoscale xfix
set autoscale yfix
set xrange [3.0:8.0]
set yrange [-5.0:-1.0]
set title 'E(w, b): 벽 (점선), ●에서 출발한 일반 (빨강)·클리핑 (청록) 경로' noenhanced font ',14'
set contour base
set cntrparam levels auto 8
set cntrlabel onecolor
splot 'cliff.tsv' index 0 using 1:2:3 with pm3d nocontours notitle, \
     'cliff.tsv' index 0 using 1:2:3 with lines nosurface lw 1 lc rgb '#222222' notitle, \
     'cliff.tsv' index 1 using 1:2:(1.559438551553132e-10) with lines lw 2.5 dt (8,6) lc rgb '#000000' title '벽 b = 0.5 − σ(0.5)·w, w > 1/σ′(0.5) = 4.255' noenhanced nocontours, \
     'cliff.tsv' index 2 using 1:2:(1.559438551553132e-10) with linespoints pt 7 ps 1.6 lw 5.0 dt 1 lc rgb '#d62728' title '클리핑 없음 (벽까지 같은 경로, 그 뒤 창 밖으로)' noenhanced nocontours, \
     'cliff.tsv' index 3 using 1:2:(1.559438551553132e-10) with linespoints pt 7 ps 0.9 lw 2.5 dt 1 lc rgb '#00e5ff' title '노름 클리핑, τ = 1' noenhanced nocontours, \
     'cliff.tsv' index 4 using 1:2:(1.559438551553132e-10) with points pt 7 ps 3.0 lc rgb '#000000' title '시작' noenhanced nocontours

# panel 2 of 4
reset
set border 3 lw 1 lc rgb '#444444'
set tics nomirror out
set grid xtics ytics back lw 1 lc rgb '#dddddd' dt 1
set key noenhanced opaque box lc rgb '#cccccc' samplen 2.5 Left reverse
set palette defined (0 '#440154', 1 '#482878', 2 '#3e4989', 3 '#31688e', 4 '#26828e', 5 '#1f9e89', 6 '#35b779', 7 '#6ece58', 8 '#b5de2b', 9 '#fde725')
set key bottom left
set xlabel '경사 하강 단계 k' noenhanced
set ylabel 'E(θ_k)' noenhanced
set logscale y 10
set format y tenpower
set title '하강 중 손실 (벽까지는 두 경로가 겹침)' noenhanced font ',14'
plot 'cliff.tsv' index 5 using 1:2 with linespoints pt 7 ps 1.2 lw 4.0 dt 1 lc rgb '#d62728' title '클리핑 없음: 최종 E = 0.08807' noenhanced, \
     'cliff.tsv' index 6 using 1:2 with linespoints pt 7 ps 0.8 lw 2.0 dt 1 lc rgb '#1f77b4' title '노름 클리핑: 최종 E = 4.591e-06' noenhanced

# panel 3 of 4
reset
set border 3 lw 1 lc rgb '#444444'
set tics nomirror out
set grid xtics ytics back lw 1 lc rgb '#dddddd' dt 1
set key noenhanced opaque box lc rgb '#cccccc' samplen 2.5 Left reverse
set palette defined (0 '#440154', 1 '#482878', 2 '#3e4989', 3 '#31688e', 4 '#26828e', 5 '#1f9e89', 6 '#35b779', 7 '#6ece58', 8 '#b5de2b', 9 '#fde725')
set key top right
set xlabel '경사 하강 단계 k' noenhanced
set ylabel '스텝 길이' noenhanced
set logscale y 10
set format y tenpower
set arrow 1 from graph 0, first 0.5 to graph 1, first 0.5 nohead back lw 1.5 dt (8,6) lc rgb '#555555'
set label 1 'ητ = 0.5' at graph 0.01, first 0.5 offset 0,0.6 left noenhanced front tc rgb '#555555'
set title '스텝 길이 ‖θ_{k+1} − θ_k‖: 클리핑은 ητ로 제한' noenhanced font ',14'
plot 'cliff.tsv' index 7 using 1:2 with linespoints pt 7 ps 1.2 lw 4.0 dt 1 lc rgb '#d62728' title '클리핑 없음: η‖∇E‖, 최대 2.742' noenhanced, \
     'cliff.tsv' index 8 using 1:2 with linespoints pt 7 ps 0.8 lw 2.0 dt 1 lc rgb '#1f77b4' title '노름 클리핑: 최대 0.5 (클리핑된 단계: 1)' noenhanced

# panel 4 of 4
reset
set border 3 lw 1 lc rgb '#444444'
set tics nomirror out
set grid xtics ytics back lw 1 lc rgb '#dddddd' dt 1
set key noenhanced opaque box lc rgb '#cccccc' samplen 2.5 Left reverse
set palette defined (0 '#440154', 1 '#482878', 2 '#3e4989', 3 '#31688e', 4 '#26828e', 5 '#1f9e89', 6 '#35b779', 7 '#6ece58', 8 '#b5de2b', 9 '#fde725')
set key top right
set xlabel 'b = -2.5에서의 w' noenhanced
set ylabel 'E(w, -2.5)' noenhanced
set arrow 1 from first 4.8195919791379, graph 0 to first 4.8195919791379, graph 1 nohead back lw 1.5 dt (8,6) lc rgb '#555555'
set label 1 '벽: w = 3/σ(0.5) = 4.82' at first 4.8195919791379, graph 0.97 offset 0.5,0 left noenhanced front tc rgb '#555555'
set title '절벽의 한 단면: b = -2.5에서의 E' noenhanced font ',14'
plot 'cliff.tsv' index 9 using 1:2 with lines lw 2.5 dt 1 lc rgb '#1f77b4' title 'E(w, -2.5)' noenhanced

unset multiplot
unset output
