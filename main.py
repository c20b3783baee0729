"""Start SalesDesk: `python main.py` is the same as the `salesdesk` command."""
from app.cli import main

if __name__ == "__main__":
    main()
