# Moving data: the export, import and copy dialog (owned by the transfer feature).
# Included from ui/CMakeLists.txt.
target_sources(vermilion_ui PRIVATE
    transfer/transferdialog.cpp transfer/transferdialog.h
)
