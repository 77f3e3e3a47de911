import ConchKit

print("conch")
