# Figure 'singular-values', written by rnnlab's Plotting module.
# Redraw it by hand in this folder:
#   gnuplot singular-values.gp                      draws singular-values.png
#   gnuplot -e "format='svg'" singular-values.gp    draws singular-values.svg (or 'pdf'; 'dumb' prints text)
# Data: singular-values.tsv, one block per series, chosen with 'index'.
# columns per block: 3 2 3 2 3 2 3 3 3 2
# rows per block: 40 201 40 201 40 201 40 40 40 201

if (!exists("format")) format = 'png'
if (!exists("outfile")) outfile = 'singular-values.' . format
if (format eq 'png') {
    set terminal pngcairo size 2040,980 enhanced font 'DejaVu Sans,12' linewidth 1.2 rounded
    set output outfile
}
if (format eq 'svg') {
    set terminal svg size 2040,980 fixed enhanced font 'DejaVu Sans, NanumGothic, Noto Sans CJK KR, sans-serif,12' linewidth 1.2 rounded background '#ffffff'
    set output outfile
}
if (format eq 'pdf') {
    set terminal pdfcairo size 20.4in,9.8in enhanced font 'DejaVu Sans,12' linewidth 1.2 rounded
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

set multiplot layout 2,3 title 'Singular values of W_hh (H = 1000): Gaussian ones fill [0, 2g] as a quarter circle; orthogonal and identity sit at 1' noenhanced font ',16'

# panel 1 of 6
reset
set border 3 lw 1 lc rgb '#444444'
set tics nomirror out
set grid xtics ytics back lw 1 lc rgb '#dddddd' dt 1
set key noenhanced opaque box lc rgb '#cccccc' samplen 2.5 Left reverse
set palette defined (0 '#440154', 1 '#482878', 2 '#3e4989', 3 '#31688e', 4 '#26828e', 5 '#1f9e89', 6 '#35b779', 7 '#6ece58', 8 '#b5de2b', 9 '#fde725')
set key top right
set xlabel 'singular value σ of W_hh  (grey dashed: σ = 1)' noenhanced
set ylabel 'density' noenhanced
set xrange [0.0:3.3000000000000003]
set yrange [0.0:1.2896969696969698]
set arrow 1 from first 1.0, graph 0 to first 1.0, graph 1 nohead back lw 1.5 dt (8,6) lc rgb '#555555'
set title 'Gaussian N(0, g²/H), g = 0.7: σ_max = 1.397, law 2g = 1.4'."\n".'mean σ = 0.594 (law 0.594), σ > 1: 17.4 % (law 17.5 %)' noenhanced font ',14'
plot 'singular-values.tsv' index 0 using 1:2:3 with boxes lc rgb '#1f77b4' fs transparent solid 0.45 border lc rgb '#1f77b4' title 'measured, H = 1000' noenhanced, \
     'singular-values.tsv' index 1 using 1:2 with lines lw 2.5 dt (8,6) lc rgb '#d62728' title 'quarter circle (1/(πg))√(4 − (σ/g)²)' noenhanced

# panel 2 of 6
reset
set border 3 lw 1 lc rgb '#444444'
set tics nomirror out
set grid xtics ytics back lw 1 lc rgb '#dddddd' dt 1
set key noenhanced opaque box lc rgb '#cccccc' samplen 2.5 Left reverse
set palette defined (0 '#440154', 1 '#482878', 2 '#3e4989', 3 '#31688e', 4 '#26828e', 5 '#1f9e89', 6 '#35b779', 7 '#6ece58', 8 '#b5de2b', 9 '#fde725')
set key top right
set xlabel 'singular value σ of W_hh  (grey dashed: σ = 1)' noenhanced
set ylabel 'density' noenhanced
set xrange [0.0:3.3000000000000003]
set yrange [0.0:0.8993939393939395]
set arrow 1 from first 1.0, graph 0 to first 1.0, graph 1 nohead back lw 1.5 dt (8,6) lc rgb '#555555'
set title 'Gaussian N(0, g²/H), g = 1: σ_max = 2.006, law 2g = 2'."\n".'mean σ = 0.849 (law 0.849), σ > 1: 39.0 % (law 39.1 %)' noenhanced font ',14'
plot 'singular-values.tsv' index 2 using 1:2:3 with boxes lc rgb '#1f77b4' fs transparent solid 0.45 border lc rgb '#1f77b4' title 'measured, H = 1000' noenhanced, \
     'singular-values.tsv' index 3 using 1:2 with lines lw 2.5 dt (8,6) lc rgb '#d62728' title 'quarter circle (1/(πg))√(4 − (σ/g)²)' noenhanced

# panel 3 of 6
reset
set border 3 lw 1 lc rgb '#444444'
set tics nomirror out
set grid xtics ytics back lw 1 lc rgb '#dddddd' dt 1
set key noenhanced opaque box lc rgb '#cccccc' samplen 2.5 Left reverse
set palette defined (0 '#440154', 1 '#482878', 2 '#3e4989', 3 '#31688e', 4 '#26828e', 5 '#1f9e89', 6 '#35b779', 7 '#6ece58', 8 '#b5de2b', 9 '#fde725')
set key top right
set xlabel 'singular value σ of W_hh  (grey dashed: σ = 1)' noenhanced
set ylabel 'density' noenhanced
set xrange [0.0:3.3000000000000003]
set yrange [0.0:0.6109090909090908]
set arrow 1 from first 1.0, graph 0 to first 1.0, graph 1 nohead back lw 1.5 dt (8,6) lc rgb '#555555'
set title 'Gaussian N(0, g²/H), g = 1.5: σ_max = 3.005, law 2g = 3'."\n".'mean σ = 1.273 (law 1.273), σ > 1: 58.4 % (law 58.4 %)' noenhanced font ',14'
plot 'singular-values.tsv' index 4 using 1:2:3 with boxes lc rgb '#1f77b4' fs transparent solid 0.45 border lc rgb '#1f77b4' title 'measured, H = 1000' noenhanced, \
     'singular-values.tsv' index 5 using 1:2 with lines lw 2.5 dt (8,6) lc rgb '#d62728' title 'quarter circle (1/(πg))√(4 − (σ/g)²)' noenhanced

# panel 4 of 6
reset
set border 3 lw 1 lc rgb '#444444'
set tics nomirror out
set grid xtics ytics back lw 1 lc rgb '#dddddd' dt 1
set key noenhanced opaque box lc rgb '#cccccc' samplen 2.5 Left reverse
set palette defined (0 '#440154', 1 '#482878', 2 '#3e4989', 3 '#31688e', 4 '#26828e', 5 '#1f9e89', 6 '#35b779', 7 '#6ece58', 8 '#b5de2b', 9 '#fde725')
set key top right
set xlabel 'singular value σ of W_hh  (grey dashed: σ = 1)' noenhanced
set ylabel 'density' noenhanced
set xrange [0.0:3.3000000000000003]
set yrange [0.0:16.969696969696965]
set arrow 1 from first 1.0, graph 0 to first 1.0, graph 1 nohead back lw 1.5 dt (8,6) lc rgb '#555555'
set title 'orthogonal: every σ = 1'."\n".'mean σ = 1.000 (law 1.000), σ > 1: 0.0 % (law 0.0 %)' noenhanced font ',14'
plot 'singular-values.tsv' index 6 using 1:2:3 with boxes lc rgb '#1f77b4' fs transparent solid 0.45 border lc rgb '#1f77b4' title 'all 1000 at σ = 1, max |σ − 1| = 6.7e-16' noenhanced

# panel 5 of 6
reset
set border 3 lw 1 lc rgb '#444444'
set tics nomirror out
set grid xtics ytics back lw 1 lc rgb '#dddddd' dt 1
set key noenhanced opaque box lc rgb '#cccccc' samplen 2.5 Left reverse
set palette defined (0 '#440154', 1 '#482878', 2 '#3e4989', 3 '#31688e', 4 '#26828e', 5 '#1f9e89', 6 '#35b779', 7 '#6ece58', 8 '#b5de2b', 9 '#fde725')
set key top right
set xlabel 'singular value σ of W_hh  (grey dashed: σ = 1)' noenhanced
set ylabel 'density' noenhanced
set xrange [0.0:3.3000000000000003]
set yrange [0.0:16.969696969696965]
set arrow 1 from first 1.0, graph 0 to first 1.0, graph 1 nohead back lw 1.5 dt (8,6) lc rgb '#555555'
set title 'identity: every σ = 1'."\n".'mean σ = 1.000 (law 1.000), σ > 1: 0.0 % (law 0.0 %)' noenhanced font ',14'
plot 'singular-values.tsv' index 7 using 1:2:3 with boxes lc rgb '#1f77b4' fs transparent solid 0.45 border lc rgb '#1f77b4' title 'all 1000 at σ = 1, max |σ − 1| = 0' noenhanced

# panel 6 of 6
reset
set border 3 lw 1 lc rgb '#444444'
set tics nomirror out
set grid xtics ytics back lw 1 lc rgb '#dddddd' dt 1
set key noenhanced opaque box lc rgb '#cccccc' samplen 2.5 Left reverse
set palette defined (0 '#440154', 1 '#482878', 2 '#3e4989', 3 '#31688e', 4 '#26828e', 5 '#1f9e89', 6 '#35b779', 7 '#6ece58', 8 '#b5de2b', 9 '#fde725')
set key top right
set xlabel 'singular value σ of W_hh  (grey dashed: σ = 1)' noenhanced
set ylabel 'density' noenhanced
set xrange [0.0:3.3000000000000003]
set yrange [0.0:0.9163636363636363]
set arrow 1 from first 1.0, graph 0 to first 1.0, graph 1 nohead back lw 1.5 dt (8,6) lc rgb '#555555'
set title 'Xavier uniform U(±√(3/H)): σ_max = 1.983, law 2g = 2'."\n".'mean σ = 0.848 (law 0.849), σ > 1: 39.0 % (law 39.1 %)' noenhanced font ',14'
plot 'singular-values.tsv' index 8 using 1:2:3 with boxes lc rgb '#1f77b4' fs transparent solid 0.45 border lc rgb '#1f77b4' title 'measured, H = 1000' noenhanced, \
     'singular-values.tsv' index 9 using 1:2 with lines lw 2.5 dt (8,6) lc rgb '#d62728' title 'quarter circle (1/(πg))√(4 − (σ/g)²)' noenhanced

unset multiplot
unset output
