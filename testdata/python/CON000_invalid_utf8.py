name = "café"  # expect: CON000
import os
os.system("x")  # expect: CON501
