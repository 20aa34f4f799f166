# Value editors: one per Redis type behind ValueEditor::create(), for the key browser to embed.
target_sources(vermilion_ui PRIVATE
    values/conflictdialog.cpp values/conflictdialog.h
    values/elementdialog.cpp values/elementdialog.h
    values/hasheditor.cpp values/hasheditor.h
    values/listeditor.cpp values/listeditor.h
    values/moduletypeeditor.cpp values/moduletypeeditor.h
    values/seteditor.cpp values/seteditor.h
    values/streameditor.cpp values/streameditor.h
    values/stringeditor.cpp values/stringeditor.h
    values/tableeditor.cpp values/tableeditor.h
    values/valuedetailpane.cpp values/valuedetailpane.h
    values/valuetextview.cpp values/valuetextview.h
    values/valueeditor.cpp values/valueeditor.h
    values/zseteditor.cpp values/zseteditor.h
)
