import os
os.system("ok")  # expect: CON501
broken = "never closed  # expect: CON000
