# The console's core: its own link, redis-cli's special commands, history without secrets, COMMAND DOCS.
target_sources(vermilion_core PRIVATE
    console/commanddocs.cpp console/commanddocs.h
    console/consolehistory.cpp console/consolehistory.h
    console/consolesession.cpp console/consolesession.h
)
