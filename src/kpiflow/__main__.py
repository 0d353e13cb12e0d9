from kpiflow.cli import main

main()
