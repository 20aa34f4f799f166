# Lock inspector and queue viewer panels (owned by the carmine feature). Included from ui/CMakeLists.txt.
target_sources(vermilion_ui PRIVATE
    carmine/lockspanel.cpp carmine/lockspanel.h
    carmine/queuespanel.cpp carmine/queuespanel.h
    carmine/carmineproxies.cpp carmine/carmineproxies.h
)
