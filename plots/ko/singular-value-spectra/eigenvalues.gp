# Figure 'eigenvalues', written by rnnlab's Plotting module.
# Redraw it by hand in this folder:
#   gnuplot eigenvalues.gp                      draws eigenvalues.png
#   gnuplot -e "format='svg'" eigenvalues.gp    draws eigenvalues.svg (or 'pdf'; 'dumb' prints text)
# Data: eigenvalues.tsv, one block per series, chosen with 'index'.
# columns per block: 2 2 2 2 2 2 2 2 2 2 2 2 2 2
# rows per block: 201 1000 201 1000 201 201 1000 201 201 1000 201 1 1000 201

if (!exists("format")) format = 'png'
if (!exists("outfile")) outfile = 'eigenvalues.' . format
if (format eq 'png') {
    set terminal pngcairo size 1680,1320 enhanced font 'DejaVu Sans,12' linewidth 1.2 rounded
    set output outfile
}
if (format eq 'svg') {
    set terminal svg size 1680,1320 fixed enhanced font 'DejaVu Sans, NanumGothic, Noto Sans CJK KR, sans-serif,12' linewidth 1.2 rounded background '#ffffff'
    set output outfile
}
if (format eq 'pdf') {
    set terminal pdfcairo size 16.8in,13.2in enhanced font 'DejaVu Sans,12' linewidth 1.2 rounded
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

set multiplot layout 2,3 title 'W_hh의 고윳값 (H = 1000): 반지름 g인 원판에 균등, 그래서 ρ ≈ g (σ_max ≈ 2g의 절반)' noenhanced font ',16'

# panel 1 of 6
reset
set border 3 lw 1 lc rgb '#444444'
set tics nomirror out
set grid xtics ytics back lw 1 lc rgb '#dddddd' dt 1
set key noenhanced opaque box lc rgb '#cccccc' samplen 2.5 Left reverse
set palette defined (0 '#440154', 1 '#482878', 2 '#3e4989', 3 '#31688e', 4 '#26828e', 5 '#1f9e89', 6 '#35b779', 7 '#6ece58', 8 '#b5de2b', 9 '#fde725')
set key top right
set xlabel 'Re λ' noenhanced
set ylabel 'Im λ' noenhanced
set size ratio -1
set xrange [-1.6742919545730448:1.6742919545730448]
set yrange [-1.6742919545730448:2.511437931859567]
set title '가우시안 N(0, g²/H), g = 0.7'."\n".'ρ = 0.7253 < 1 < σ_max = 1.397' noenhanced font ',14'
plot 'eigenvalues.tsv' index 0 using 1:2 with lines lw 2.0 dt (2,5) lc rgb '#7f7f7f' title '|λ| = 1' noenhanced, \
     'eigenvalues.tsv' index 1 using 1:2 with points pt 7 ps 0.35 lc rgb '#1f77b4' title 'W_hh의 고윳값 λ' noenhanced, \
     'eigenvalues.tsv' index 2 using 1:2 with lines lw 2.5 dt (8,6) lc rgb '#d62728' title '원형 법칙: |λ| ≤ g = 0.7' noenhanced

# panel 2 of 6
reset
set border 3 lw 1 lc rgb '#444444'
set tics nomirror out
set grid xtics ytics back lw 1 lc rgb '#dddddd' dt 1
set key noenhanced opaque box lc rgb '#cccccc' samplen 2.5 Left reverse
set palette defined (0 '#440154', 1 '#482878', 2 '#3e4989', 3 '#31688e', 4 '#26828e', 5 '#1f9e89', 6 '#35b779', 7 '#6ece58', 8 '#b5de2b', 9 '#fde725')
set key top right
set xlabel 'Re λ' noenhanced
set ylabel 'Im λ' noenhanced
set size ratio -1
set xrange [-1.6742919545730448:1.6742919545730448]
set yrange [-1.6742919545730448:2.511437931859567]
set title '가우시안 N(0, g²/H), g = 1'."\n".'ρ = 1.012, σ_max = 2.006' noenhanced font ',14'
plot 'eigenvalues.tsv' index 3 using 1:2 with points pt 7 ps 0.35 lc rgb '#1f77b4' title 'W_hh의 고윳값 λ' noenhanced, \
     'eigenvalues.tsv' index 4 using 1:2 with lines lw 2.5 dt (8,6) lc rgb '#d62728' title '원형 법칙: |λ| ≤ g = 1' noenhanced

# panel 3 of 6
reset
set border 3 lw 1 lc rgb '#444444'
set tics nomirror out
set grid xtics ytics back lw 1 lc rgb '#dddddd' dt 1
set key noenhanced opaque box lc rgb '#cccccc' samplen 2.5 Left reverse
set palette defined (0 '#440154', 1 '#482878', 2 '#3e4989', 3 '#31688e', 4 '#26828e', 5 '#1f9e89', 6 '#35b779', 7 '#6ece58', 8 '#b5de2b', 9 '#fde725')
set key top right
set xlabel 'Re λ' noenhanced
set ylabel 'Im λ' noenhanced
set size ratio -1
set xrange [-1.6742919545730448:1.6742919545730448]
set yrange [-1.6742919545730448:2.511437931859567]
set title '가우시안 N(0, g²/H), g = 1.5'."\n".'ρ = 1.522, σ_max = 3.005' noenhanced font ',14'
plot 'eigenvalues.tsv' index 5 using 1:2 with lines lw 2.0 dt (2,5) lc rgb '#7f7f7f' title '|λ| = 1' noenhanced, \
     'eigenvalues.tsv' index 6 using 1:2 with points pt 7 ps 0.35 lc rgb '#1f77b4' title 'W_hh의 고윳값 λ' noenhanced, \
     'eigenvalues.tsv' index 7 using 1:2 with lines lw 2.5 dt (8,6) lc rgb '#d62728' title '원형 법칙: |λ| ≤ g = 1.5' noenhanced

# panel 4 of 6
reset
set border 3 lw 1 lc rgb '#444444'
set tics nomirror out
set grid xtics ytics back lw 1 lc rgb '#dddddd' dt 1
set key noenhanced opaque box lc rgb '#cccccc' samplen 2.5 Left reverse
set palette defined (0 '#440154', 1 '#482878', 2 '#3e4989', 3 '#31688e', 4 '#26828e', 5 '#1f9e89', 6 '#35b779', 7 '#6ece58', 8 '#b5de2b', 9 '#fde725')
set key top right
set xlabel 'Re λ' noenhanced
set ylabel 'Im λ' noenhanced
set size ratio -1
set xrange [-1.6742919545730448:1.6742919545730448]
set yrange [-1.6742919545730448:2.511437931859567]
set title '직교'."\n".'ρ = 1, σ_max = 1' noenhanced font ',14'
plot 'eigenvalues.tsv' index 8 using 1:2 with lines lw 2.0 dt (2,5) lc rgb '#7f7f7f' title '|λ| = 1' noenhanced, \
     'eigenvalues.tsv' index 9 using 1:2 with points pt 7 ps 0.35 lc rgb '#1f77b4' title 'W_hh의 고윳값 λ' noenhanced

# panel 5 of 6
reset
set border 3 lw 1 lc rgb '#444444'
set tics nomirror out
set grid xtics ytics back lw 1 lc rgb '#dddddd' dt 1
set key noenhanced opaque box lc rgb '#cccccc' samplen 2.5 Left reverse
set palette defined (0 '#440154', 1 '#482878', 2 '#3e4989', 3 '#31688e', 4 '#26828e', 5 '#1f9e89', 6 '#35b779', 7 '#6ece58', 8 '#b5de2b', 9 '#fde725')
set key top right
set xlabel 'Re λ' noenhanced
set ylabel 'Im λ' noenhanced
set size ratio -1
set xrange [-1.6742919545730448:1.6742919545730448]
set yrange [-1.6742919545730448:2.511437931859567]
set title '항등'."\n".'ρ = 1, σ_max = 1' noenhanced font ',14'
plot 'eigenvalues.tsv' index 10 using 1:2 with lines lw 2.0 dt (2,5) lc rgb '#7f7f7f' title '|λ| = 1' noenhanced, \
     'eigenvalues.tsv' index 11 using 1:2 with points pt 7 ps 3.0 lc rgb '#1f77b4' title '고윳값 1000개 모두 λ = 1' noenhanced

# panel 6 of 6
reset
set border 3 lw 1 lc rgb '#444444'
set tics nomirror out
set grid xtics ytics back lw 1 lc rgb '#dddddd' dt 1
set key noenhanced opaque box lc rgb '#cccccc' samplen 2.5 Left reverse
set palette defined (0 '#440154', 1 '#482878', 2 '#3e4989', 3 '#31688e', 4 '#26828e', 5 '#1f9e89', 6 '#35b779', 7 '#6ece58', 8 '#b5de2b', 9 '#fde725')
set key top right
set xlabel 'Re λ' noenhanced
set ylabel 'Im λ' noenhanced
set size ratio -1
set xrange [-1.6742919545730448:1.6742919545730448]
set yrange [-1.6742919545730448:2.511437931859567]
set title 'Xavier 균등 U(±√(3/H))'."\n".'ρ = 1.019, σ_max = 1.983' noenhanced font ',14'
plot 'eigenvalues.tsv' index 12 using 1:2 with points pt 7 ps 0.35 lc rgb '#1f77b4' title 'W_hh의 고윳값 λ' noenhanced, \
     'eigenvalues.tsv' index 13 using 1:2 with lines lw 2.5 dt (8,6) lc rgb '#d62728' title '원형 법칙: |λ| ≤ g = 1' noenhanced

unset multiplot
unset output
