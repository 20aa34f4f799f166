# Server dashboard (owned by the dashboard feature). Included from ui/CMakeLists.txt.
target_sources(vermilion_ui PRIVATE
    dashboard/dashboardchart.cpp dashboard/dashboardchart.h
    dashboard/dashboardpanel.cpp dashboard/dashboardpanel.h
    dashboard/clusterpanel.cpp dashboard/clusterpanel.h
    dashboard/sentinelpanel.cpp dashboard/sentinelpanel.h
)
target_link_libraries(vermilion_ui PUBLIC Qt6::Charts)
