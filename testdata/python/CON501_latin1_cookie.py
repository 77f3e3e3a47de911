# -*- coding: latin-1 -*-
import os
name = "café"
os.system("x")  # expect: CON501
