# Figure 'lyapunov', written by rnnlab's Plotting module.
# Redraw it by hand in this folder:
#   gnuplot lyapunov.gp                      draws lyapunov.png
#   gnuplot -e "format='svg'" lyapunov.gp    draws lyapunov.svg (or 'pdf'; 'dumb' prints text)
# Data: lyapunov.tsv, one block per series, chosen with 'index'.
# columns per block: 2 2 2 2 2 2 2
# rows per block: 251 9 9 2 200 200 200

if (!exists("format")) format = 'png'
if (!exists("outfile")) outfile = 'lyapunov.' . format
if (format eq 'png') {
    set terminal pngcairo size 1640,660 enhanced font 'DejaVu Sans,12' linewidth 1.2 rounded
    set output outfile
}
if (format eq 'svg') {
    set terminal svg size 1640,660 fixed enhanced font 'DejaVu Sans, NanumGothic, Noto Sans CJK KR, sans-serif,12' linewidth 1.2 rounded background '#ffffff'
    set output outfile
}
if (format eq 'pdf') {
    set terminal pdfcairo size 16.4in,6.6in enhanced font 'DejaVu Sans,12' linewidth 1.2 rounded
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

set multiplot layout 1,2 title '혼돈의 가장자리: h_{t+1} = tanh(W h_t), 이득 g에 따른 랴푸노프 지수' noenhanced font ',16'

# panel 1 of 2
reset
set border 3 lw 1 lc rgb '#444444'
set tics nomirror out
set grid xtics ytics back lw 1 lc rgb '#dddddd' dt 1
set key noenhanced opaque box lc rgb '#cccccc' samplen 2.5 Left reverse
set palette defined (0 '#440154', 1 '#482878', 2 '#3e4989', 3 '#31688e', 4 '#26828e', 5 '#1f9e89', 6 '#35b779', 7 '#6ece58', 8 '#b5de2b', 9 '#fde725')
set key top left
set xlabel 'W ~ N(0, g²/N)의 이득 g   (점선: λ = 0, g = 1)' noenhanced
set ylabel '단계당 λ_max (자연로그)' noenhanced
set yrange [-0.7433170051565018:0.41058896056429794]
set arrow 1 from graph 0, first 0.0 to graph 1, first 0.0 nohead back lw 1.5 dt (8,6) lc rgb '#555555'
set arrow 2 from first 1.0, graph 0 to first 1.0, graph 1 nohead back lw 1.5 dt (8,6) lc rgb '#555555'
set title '최대 랴푸노프 지수: g = 1 아래는 질서 (λ < 0), 위는 혼돈 (λ > 0)' noenhanced font ',14'
plot 'lyapunov.tsv' index 0 using 1:2 with lines lw 2.0 dt (8,6) lc rgb '#000000' title '평균장 (g = 1까지는 ln g)' noenhanced, \
     'lyapunov.tsv' index 1 using 1:2 with linespoints pt 7 ps 1.6 lw 1.5 dt 1 lc rgb '#1f77b4' title 'QR 방법, N = 300' noenhanced, \
     'lyapunov.tsv' index 2 using 1:2 with linespoints pt 7 ps 1.6 lw 1.5 dt 1 lc rgb '#ff7f0e' title 'QR 방법, N = 800' noenhanced, \
     'lyapunov.tsv' index 3 using 1:2 with points pt 7 ps 0.6 lc rgb '#000000' title 'ln ρ(W), N = 300 (h → 0)' noenhanced

# panel 2 of 2
reset
set border 3 lw 1 lc rgb '#444444'
set tics nomirror out
set grid xtics ytics back lw 1 lc rgb '#dddddd' dt 1
set key noenhanced opaque box lc rgb '#cccccc' samplen 2.5 Left reverse
set palette defined (0 '#440154', 1 '#482878', 2 '#3e4989', 3 '#31688e', 4 '#26828e', 5 '#1f9e89', 6 '#35b779', 7 '#6ece58', 8 '#b5de2b', 9 '#fde725')
set key bottom left
set xlabel '정규화한 인덱스 i/N' noenhanced
set ylabel '단계당 λ_i' noenhanced
set xrange [0.0:1.0]
set arrow 1 from graph 0, first 0.0 to graph 1, first 0.0 nohead back lw 1.5 dt (8,6) lc rgb '#555555'
set title '전체 스펙트럼, N = 200: i/N에 따른 λ_i (Engelken et al.)' noenhanced font ',14'
plot 'lyapunov.tsv' index 4 using 1:2 with lines lw 2.5 dt 1 lc rgb '#d62728' title 'g = 1.5: λ_1 = 0.05209, 평균장 0.06522; 13/200개 양수' noenhanced, \
     'lyapunov.tsv' index 5 using 1:2 with lines lw 2.5 dt 1 lc rgb '#9467bd' title 'g = 2: λ_1 = 0.1414, 평균장 0.1547; 25/200개 양수' noenhanced, \
     'lyapunov.tsv' index 6 using 1:2 with lines lw 2.5 dt 1 lc rgb '#8c564b' title 'g = 3: λ_1 = 0.303, 평균장 0.3102; 31/200개 양수' noenhanced

unset multiplot
unset output
