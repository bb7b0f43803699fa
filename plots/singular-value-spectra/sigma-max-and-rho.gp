# Figure 'sigma-max-and-rho', written by rnnlab's Plotting module.
# Redraw it by hand in this folder:
#   gnuplot sigma-max-and-rho.gp                      draws sigma-max-and-rho.png
#   gnuplot -e "format='svg'" sigma-max-and-rho.gp    draws sigma-max-and-rho.svg (or 'pdf'; 'dumb' prints text)
# Data: sigma-max-and-rho.tsv, one block per series, chosen with 'index'.
# columns per block: 3 2 2 2 2
# rows per block: 2 2 8 2 8

if (!exists("format")) format = 'png'
if (!exists("outfile")) outfile = 'sigma-max-and-rho.' . format
if (format eq 'png') {
    set terminal pngcairo size 1000,650 enhanced font 'DejaVu Sans,12' linewidth 1.2 rounded
    set output outfile
}
if (format eq 'svg') {
    set terminal svg size 1000,650 fixed enhanced font 'DejaVu Sans, NanumGothic, Noto Sans CJK KR, sans-serif,12' linewidth 1.2 rounded background '#ffffff'
    set output outfile
}
if (format eq 'pdf') {
    set terminal pdfcairo size 10.0in,6.5in enhanced font 'DejaVu Sans,12' linewidth 1.2 rounded
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

set multiplot layout 1,1 title 'Largest singular value ≈ 2g, spectral radius ≈ g' noenhanced font ',16'

# panel 1 of 1
reset
set border 3 lw 1 lc rgb '#444444'
set tics nomirror out
set grid xtics ytics back lw 1 lc rgb '#dddddd' dt 1
set key noenhanced opaque box lc rgb '#cccccc' samplen 2.5 Left reverse
set palette defined (0 '#440154', 1 '#482878', 2 '#3e4989', 3 '#31688e', 4 '#26828e', 5 '#1f9e89', 6 '#35b779', 7 '#6ece58', 8 '#b5de2b', 9 '#fde725')
set key top left
set xlabel 'gain g  (W_hh ~ N(0, g²/H), H = 500)' noenhanced
set ylabel 'σ_max(W_hh) and ρ(W_hh)' noenhanced
set xrange [0.0:2.1]
set yrange [0.0:4.3]
set arrow 1 from graph 0, first 1.0 to graph 1, first 1.0 nohead back lw 1.5 dt (8,6) lc rgb '#555555'
set label 1 '1' at graph 0.01, first 1.0 offset 0,0.6 left noenhanced front tc rgb '#555555'
set title 'For 1/2 < g < 1 (shaded) σ_max > 1 yet ρ < 1: the slide'."\047".'s rule says '."\047".'explodes'."\047".', W^k decays' noenhanced font ',14'
plot 'sigma-max-and-rho.tsv' index 0 using 1:2:3 with filledcurves lc rgb '#ff7f0e' fs transparent solid 0.18 noborder title '1/2 < g < 1: σ_max > 1 > ρ' noenhanced, \
     'sigma-max-and-rho.tsv' index 1 using 1:2 with lines lw 2.0 dt (8,6) lc rgb '#d62728' title '2g (quarter-circle edge)' noenhanced, \
     'sigma-max-and-rho.tsv' index 2 using 1:2 with points pt 7 ps 1.8 lc rgb '#d62728' title 'σ_max measured' noenhanced, \
     'sigma-max-and-rho.tsv' index 3 using 1:2 with lines lw 2.0 dt (8,6) lc rgb '#1f77b4' title 'g (circular-law radius)' noenhanced, \
     'sigma-max-and-rho.tsv' index 4 using 1:2 with points pt 7 ps 1.8 lc rgb '#1f77b4' title 'ρ measured' noenhanced

unset multiplot
unset output
